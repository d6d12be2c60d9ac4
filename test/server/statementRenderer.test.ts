import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StatementRenderer } from '../../server/preview/statementHtml.js'
import { writeSource } from '../../shared/sources/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { createPrng } from '../helpers/prng.js'
import { fixtureArticle, fixtureBill, writeFixtureStatement } from '../helpers/statementFixture.js'

const fromScratch = (doc: Y.Doc) => new StatementRenderer(doc).render()

function textsOf(element: Y.XmlElement): Y.XmlText[] {
  return element.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)
}

describe('the statement page renderer', () => {
  it('re-renders only the block an edit changed, and every block when the sources change', () => {
    const doc = new Y.Doc()
    writeFixtureStatement(doc)
    const fragment = doc.getXmlFragment(YLayout.richTextFragment)
    fragment.insert(2, Array.from({ length: 20 }, (_, i) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`Paragraph ${i}.`)])
      return paragraph
    }))
    const renderer = new StatementRenderer(doc)
    expect(renderer.render().html).toBe(fromScratch(doc).html)
    expect(renderer.lastRenderedBlocks).toBe(22)
    expect(renderer.render().html).toBe(fromScratch(doc).html)
    expect(renderer.lastRenderedBlocks).toBe(0)

    textsOf(fragment.get(7) as Y.XmlElement)[0]!.insert(0, 'Edited: ')
    const edited = renderer.render()
    expect(renderer.lastRenderedBlocks).toBe(1)
    expect(edited.html).toContain('Edited: Paragraph 5.')
    expect(edited.html).toBe(fromScratch(doc).html)

    // A bill version's title changes: its citations' labels (in block 1) change with it.
    writeSource(doc, { ...fixtureBill, title: 'Safe Schools Act' })
    const relabelled = renderer.render()
    expect(renderer.lastRenderedBlocks).toBe(22)
    expect(relabelled.html).toBe(fromScratch(doc).html)
  })

  it('matches a rendering from scratch after any sequence of edits', () => {
    const prng = createPrng(20261202)
    const doc = new Y.Doc()
    writeFixtureStatement(doc)
    const fragment = doc.getXmlFragment(YLayout.richTextFragment)
    const renderer = new StatementRenderer(doc)
    const blocks = () => fragment.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
    const edits: (() => void)[] = [
      () => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(`New <b>&</b> ${prng.int(1000)}`)])
        fragment.insert(prng.int(fragment.length + 1), [paragraph])
      },
      () => fragment.length > 1 && fragment.delete(prng.int(fragment.length), 1),
      () => {
        const text = textsOf(prng.pick(blocks()))[0]
        if (text) text.insert(prng.int(text.length + 1), prng.pick(['a', ' word ', '<i>', '"q"']))
      },
      () => {
        const text = textsOf(prng.pick(blocks()))[0]
        if (text && text.length > 2) text.format(prng.int(text.length - 1), 2, { [prng.pick(['bold', 'italic', 'strike'])]: {} })
      },
      () => {
        const text = textsOf(prng.pick(blocks()))[0]
        if (text && text.length > 1) text.delete(prng.int(text.length - 1), 1)
      },
      () => {
        const block = prng.pick(blocks())
        const citation = new Y.XmlElement('citation')
        citation.setAttribute('sourceId', prng.pick([fixtureBill.id, fixtureArticle.id, 'src_doesnotexist']))
        if (block.nodeName === 'paragraph') block.insert(block.length, [citation])
      },
      () => {
        const heading = blocks().find((block) => block.nodeName === 'heading')
        heading?.setAttribute('level', prng.pick([1, 2, 3]) as unknown as string)
      },
      () => writeSource(doc, { ...fixtureArticle, title: `Schools brace ${prng.int(100)}` }),
      () => fragment.insert(prng.int(fragment.length + 1), [new Y.XmlText('Loose text at the top level')]),
    ]
    for (let round = 0; round < 300; round++) {
      const count = 1 + prng.int(3)
      doc.transact(() => {
        for (let i = 0; i < count; i++) prng.pick(edits)()
      })
      if (prng.int(2) === 0) expect(renderer.render(), `after round ${round}`).toEqual(fromScratch(doc))
    }
    expect(renderer.render()).toEqual(fromScratch(doc))
  })
})
