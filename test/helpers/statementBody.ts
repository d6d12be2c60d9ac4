import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'

/** The Yjs client id that writes the shared empty paragraph (no real client gets a number this small). */
const SEED_CLIENT = 0x5eed

/**
 * One empty paragraph, written once by a fixed Yjs client. Every test client that applies it holds the very same
 * items, so clients that start typing at once still type into one paragraph (two clients each creating "the"
 * paragraph would make two).
 */
export const BODY_SEED: Uint8Array = (() => {
  const doc = new Y.Doc()
  doc.clientID = SEED_CLIENT
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText()])
  doc.getXmlFragment(YLayout.richTextFragment).insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
})()

const seededText = (doc: Y.Doc): Y.XmlText | undefined => {
  for (const block of doc.getXmlFragment(YLayout.richTextFragment).toArray()) {
    if (block instanceof Y.XmlElement && block._item?.id.client === SEED_CLIENT) return block.get(0) as Y.XmlText
  }
  return undefined
}

/**
 * The text run that tests type into, as a person types into the statement's paragraph: it exists on every client
 * once this is called (applying BODY_SEED changes nothing where it is already there).
 */
export function bodyText(doc: Y.Doc): Y.XmlText {
  const existing = seededText(doc)
  if (existing) return existing
  Y.applyUpdate(doc, BODY_SEED)
  return seededText(doc)!
}

/** The statement's text, paragraphs joined by newlines ('' when it is empty); reads without writing anything. */
export function bodyString(doc: Y.Doc): string {
  return paragraphTexts(doc).join('\n')
}

/** Adds a paragraph holding `text` at the end of the statement. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  const run = new Y.XmlText()
  run.insert(0, text)
  paragraph.insert(0, [run])
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  fragment.insert(fragment.length, [paragraph])
}

/** The text of each paragraph of the statement, in order. */
export function paragraphTexts(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(YLayout.richTextFragment)
    .toArray()
    .map((block) => (block instanceof Y.XmlElement ? block.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''))
}
