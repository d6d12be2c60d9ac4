import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'
import type { Prng } from './prng.js'

/**
 * One random edit to the statement's rich text, writing `token`: a new paragraph, or typing at either end of an
 * existing one (never inside, so a token is never split by a later edit and stays findable).
 */
export function randomEdit(doc: Y.Doc, prng: Prng, token: string): void {
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  const paragraphs = fragment.toArray() as Y.XmlElement[]
  if (paragraphs.length === 0 || prng.next() < 0.2) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(token)])
    fragment.insert(prng.int(paragraphs.length + 1), [paragraph])
    return
  }
  const text = prng.pick(paragraphs).get(0) as Y.XmlText
  text.insert(prng.next() < 0.5 ? 0 : text.length, token)
}
