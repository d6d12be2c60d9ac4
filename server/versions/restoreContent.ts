import { diffArrays } from 'diff'
import * as Y from 'yjs'
import type { CslItem } from '../../shared/sources/cslTypes.js'
import { sourcesMap, writeSource } from '../../shared/sources/ySources.js'
import { YLayout } from '../../shared/yLayout.js'

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook

/**
 * A fresh copy of a block from another document. Y.XmlElement's own `clone` keeps only string attributes, and the
 * editor's attributes are not all strings (a heading's `level`), so this copies every attribute as it is.
 */
function copyNode(node: XmlNode): Y.XmlElement | Y.XmlText {
  if (node instanceof Y.XmlText) {
    const text = new Y.XmlText()
    text.applyDelta(node.toDelta())
    return text
  }
  if (node instanceof Y.XmlElement) {
    const element = new Y.XmlElement(node.nodeName)
    for (const [key, value] of Object.entries(node.getAttributes())) element.setAttribute(key, value as string)
    element.insert(0, node.toArray().map(copyNode))
    return element
  }
  throw new Error('restoreContent: a Y.XmlHook has no place in a Caucus document')
}

/**
 * Makes the live document's statement and sources exactly those of `old` (an earlier version), as one edit in
 * one transaction with `origin`, so every connected editor sees it at once and it is stored like any edit.
 * Top-level blocks that are the same in both (same element, attributes, text and formatting) are left in place,
 * found with jsdiff's `diffArrays`; only the others are deleted or inserted, so comments anchored in untouched
 * paragraphs and people's carets there stay where they are. Sources are rewritten field by field (unchanged fields
 * are not touched) and sources the old version did not have are removed. Settings and everything else in the
 * document (comments) are left as they are.
 */
export function restoreContent(live: Y.Doc, old: Y.Doc, origin: unknown): void {
  live.transact(() => {
    const fragment = live.getXmlFragment(YLayout.richTextFragment)
    const oldBlocks = old.getXmlFragment(YLayout.richTextFragment).toArray()
    const liveKeys = fragment.toArray().map((block) => block.toString())
    const oldKeys = oldBlocks.map((block) => block.toString())
    let index = 0
    let oldIndex = 0
    for (const change of diffArrays(liveKeys, oldKeys)) {
      if (change.removed) {
        fragment.delete(index, change.count)
      } else if (change.added) {
        fragment.insert(index, oldBlocks.slice(oldIndex, oldIndex + change.count).map(copyNode))
        index += change.count
        oldIndex += change.count
      } else {
        index += change.count
        oldIndex += change.count
      }
    }

    const liveSources = sourcesMap(live)
    const oldSources = sourcesMap(old)
    for (const id of [...liveSources.keys()]) if (!oldSources.has(id)) liveSources.delete(id)
    for (const [id, entry] of oldSources) {
      // The stored fields as they are (not re-parsed), so the restored source is exactly the old one.
      if (entry instanceof Y.Map) writeSource(live, { ...(entry.toJSON() as object), id } as CslItem)
    }
  }, origin)
}
