import type { Node as PmNode } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from '../../shared/editorSchema.js'
import { YLayout } from '../../shared/yLayout.js'

/**
 * Writes statements straight into a Y.Doc the way y-prosemirror lays them out (an XmlElement per node, named
 * after its type; XmlText with marks as formatting attributes), as any client could, bypassing the editor.
 */

/** A text run: its text and its marks as formatting attributes (`{ bold: {} }`, `{ link: { href } }`). */
export type YRun = [text: string, attributes?: Record<string, unknown>]

export function yText(...runs: YRun[]): Y.XmlText {
  const text = new Y.XmlText()
  let at = 0
  for (const [value, attributes] of runs) {
    text.insert(at, value, attributes ?? {})
    at += value.length
  }
  return text
}

export function yElement(name: string, attributes: Record<string, unknown>, ...children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const element = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string)
  element.insert(0, children)
  return element
}

export const yParagraph = (...runs: YRun[]) => yElement('paragraph', {}, yText(...runs))

/** A Y.Doc whose statement is `blocks`. */
export function yDoc(...blocks: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc()
  doc.getXmlFragment(YLayout.richTextFragment).insert(0, blocks)
  return doc
}

/** The document as the editor would read it (from a copy, as reading may repair the Y.Doc). */
export function readBack(doc: Y.Doc): PmNode {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(YLayout.richTextFragment), editorSchema)
}
