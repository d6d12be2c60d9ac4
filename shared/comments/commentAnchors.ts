import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { AnchorRecord, RelativePositionJson } from './commentRecords.js'
import type { CommentThread } from './commentThreads.js'

/**
 * A thread's passage as Yjs relative positions, and back to ProseMirror positions. The start sticks to the
 * passage's first character and the end to its last, so words typed right before or right after the passage stay
 * outside it, words typed inside it are in it, and the anchor follows its words through everyone's edits. When
 * every character of the passage is deleted the two ends meet: the thread is detached.
 *
 * The conversions go through the binding's map from Yjs types to ProseMirror nodes (the editor's
 * `ySyncPluginKey` state, or `initProseMirrorDoc` headless), as y-tiptap does for carets.
 */

/** The binding's map from Yjs types to the ProseMirror nodes they show as. */
export type BindingMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** A passage in a ProseMirror document: `from` before its first character, `to` after its last. */
export interface PassageRange {
  from: number
  to: number
}

/**
 * A relative position at ProseMirror position `pos` sticking to the character after it (`assoc` 0) or before it
 * (`assoc` -1). y-tiptap's own conversion always sticks to the character before (right for a caret, not for the
 * start of a passage), so its answer is taken back to a type and index and made again with the side wanted.
 */
function relativeAt(fragment: Y.XmlFragment, mapping: BindingMapping, pos: number, assoc: 0 | -1): RelativePositionJson {
  const rough = absolutePositionToRelativePosition(pos, fragment, mapping) as Y.RelativePosition
  const absolute = Y.createAbsolutePositionFromRelativePosition(rough, fragment.doc!)
  const precise = absolute ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc) : rough
  return Y.relativePositionToJSON(precise) as RelativePositionJson
}

/** The anchor of the passage between ProseMirror positions `from` and `to` (from < to). */
export function anchorOfRange(fragment: Y.XmlFragment, mapping: BindingMapping, range: PassageRange): AnchorRecord {
  return { start: relativeAt(fragment, mapping, range.from, 0), end: relativeAt(fragment, mapping, range.to, -1) }
}

function inDeletedType(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) if (item.deleted) return true
  return false
}

/**
 * How to read anchors. `portable`: as every client reads them. Yjs follows a deleted character to the copy an undo
 * made of it, but only in the document that undid: the link is not sent to anyone. A portable reading does not
 * follow it, so the client that undid can tell that the others no longer find the passage (and anchor it anew).
 */
export interface ResolveOptions {
  portable?: boolean
}

/** True when Yjs places `relative` elsewhere when it follows undone deletions than when it does not. */
function followsUndo(relative: Y.RelativePosition, doc: Y.Doc): boolean {
  const followed = Y.createAbsolutePositionFromRelativePosition(relative, doc, true)
  const plain = Y.createAbsolutePositionFromRelativePosition(relative, doc, false)
  return followed?.type !== plain?.type || followed?.index !== plain?.index
}

/** Where one end of an anchor is now, or null when it is in a block that was deleted (or is unreadable). */
function resolveEnd(fragment: Y.XmlFragment, mapping: BindingMapping, json: RelativePositionJson, options: ResolveOptions): number | null {
  const doc = fragment.doc
  // A position named by a root's name must name the text's root: resolving another name would create that root.
  if (!doc || (json.tname != null && json.tname !== rootNameOf(fragment))) return null
  try {
    const relative = Y.createRelativePositionFromJSON(json)
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc)
    if (!absolute || inDeletedType(absolute.type)) return null
    if (options.portable && followsUndo(relative, doc)) return null
    return relativePositionToAbsolutePosition(doc, fragment, relative, mapping)
  } catch {
    // A forged anchor (ids of something that is not text, say) is as good as no anchor.
    return null
  }
}

function rootNameOf(fragment: Y.XmlFragment): string | null {
  for (const [name, type] of fragment.doc?.share ?? []) if ((type as unknown) === fragment) return name
  return null
}

/** Where an anchor's passage is now, or null when its words are all gone (detached). */
export function resolveAnchor(fragment: Y.XmlFragment, mapping: BindingMapping, anchor: AnchorRecord, size: number, options: ResolveOptions = {}): PassageRange | null {
  const from = resolveEnd(fragment, mapping, anchor.start, options)
  const to = resolveEnd(fragment, mapping, anchor.end, options)
  if (from === null || to === null || from < 0 || to > size || to <= from) return null
  return { from, to }
}

/** Where a thread's passage is now (its newest anchor that still holds words), or null when it is detached. */
export function resolveThread(fragment: Y.XmlFragment, mapping: BindingMapping, thread: Pick<CommentThread, 'anchors'>, size: number, options: ResolveOptions = {}): PassageRange | null {
  for (const anchor of thread.anchors) {
    const range = resolveAnchor(fragment, mapping, anchor, size, options)
    if (range) return range
  }
  return null
}

/**
 * The anchor of `length` characters of a text run from `index`, written straight from Yjs (a script, a test):
 * the same anchor the editor writes for that selection.
 */
export function anchorOfText(text: Y.XmlText, index: number, length: number): AnchorRecord {
  const json = (position: Y.RelativePosition) => Y.relativePositionToJSON(position) as RelativePositionJson
  return { start: json(Y.createRelativePositionFromTypeIndex(text, index, 0)), end: json(Y.createRelativePositionFromTypeIndex(text, index + length, -1)) }
}
