import * as Y from 'yjs'
import { writeSource } from '../../shared/sources/ySources.js'
import { YLayout } from '../../shared/yLayout.js'
import { renderStatementHtml } from './statementHtml.js'

/** Long enough for V8 to optimise the renderer's paths (each pass takes a few milliseconds). */
const PARAGRAPHS = 120
const PASSES = 6

/**
 * Renders a made-up statement a few times, one pass per event-loop turn, so that the first real page view does
 * not pay for cold code (about 150 ms for a 50-page statement, against 30–40 ms once warm).
 */
export function warmUpRenderer(done: () => void = () => {}): void {
  const doc = new Y.Doc()
  writeSource(doc, { id: 'src_warmup00001', type: 'article-newspaper', title: 'Warm-up', author: [{ family: 'Example' }], 'container-title': 'Daily', issued: { 'date-parts': [[2020, 1, 2]] }, custom: { caucusKind: 'newsArticle' } })
  const blocks = Array.from({ length: PARAGRAPHS }, (_, index) => {
    const block = new Y.XmlElement(index % 10 === 0 ? 'heading' : 'paragraph')
    if (index % 10 === 0) block.setAttribute('level', 2 as unknown as string)
    const citation = new Y.XmlElement('citation')
    citation.setAttribute('sourceId', 'src_warmup00001')
    // As one delta: reading a type before it is in a document (its length, say) makes Yjs log a warning.
    const text = new Y.XmlText()
    text.applyDelta([
      { insert: 'Some words of a statement, ' },
      { insert: 'with emphasis', attributes: { italic: {} } },
      { insert: ' and a link.', attributes: { link: { href: 'https://example.org/' } } },
    ])
    block.insert(0, [text, citation])
    return block
  })
  doc.getXmlFragment(YLayout.richTextFragment).insert(0, blocks)
  let pass = 0
  const next = () => {
    renderStatementHtml(doc)
    if (++pass < PASSES) setImmediate(next)
    else {
      doc.destroy()
      done()
    }
  }
  setImmediate(next)
}
