import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { PluginKey } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { resolveAnchor, resolveThread, type BindingMapping, type PassageRange, type ResolveOptions } from '../../shared/comments/commentAnchors.js'
import type { AnchorRecord } from '../../shared/comments/commentRecords.js'
import type { CommentThread } from '../../shared/comments/commentThreads.js'

/** How a thread became the active one: the panel moves focus only for the keyboard, and opens on phones for a click. */
export type ActivationReason = 'click' | 'keyboard' | 'panel'

/** A comment being written: its passage is highlighted while the person types it. */
export interface PendingComment {
  anchor: AnchorRecord
  quote: string
  range: PassageRange | null
}

/** What the comments plugin knows of the text: where each thread's passage is, and what is highlighted. */
export interface CommentsState {
  /** Every thread's passage (resolved ones too), or null when it is detached. */
  ranges: ReadonlyMap<string, PassageRange | null>
  /** False until the passages were read from Yjs once (before that, no thread may be called detached). */
  located: boolean
  /**
   * True when the ranges may differ from what other clients read: carried through this person's own edits by
   * ProseMirror's mapping (an edit that moved words into new Yjs items, splitting a paragraph, loses them in Yjs),
   * or read after this person's undo (which finds undone words by a link only this document has). The thread then
   * gets a new anchor on its words (see reanchorMovedPassages).
   */
  unconfirmed: boolean
  pending: PendingComment | null
  active: { id: string; reason: ActivationReason; serial: number } | null
  decorations: DecorationSet
}

export type CommentsMeta =
  | { kind: 'threadsChanged' }
  | { kind: 'start'; pending: PendingComment }
  | { kind: 'cancel' }
  | { kind: 'activate'; id: string | null; reason: ActivationReason }
  /** Nothing to change: the panel announces that the words must be selected first. */
  | { kind: 'needSelection' }

export const commentsKey = new PluginKey<CommentsState>('comments')

/** What a transaction tells the comments plugin: a list, since one chain of commands can say several things. */
export function commentsMetas(tr: Transaction): readonly CommentsMeta[] {
  return (tr.getMeta(commentsKey) as CommentsMeta[] | undefined) ?? []
}

/** Adds something to tell the comments plugin to a transaction (after what it already says). */
export function tellComments(tr: Transaction, meta: CommentsMeta): Transaction {
  return tr.setMeta(commentsKey, [...commentsMetas(tr), meta])
}

interface Binding {
  type: Y.XmlFragment
  mapping: BindingMapping
  prosemirrorView: unknown
}

/** The y-tiptap binding, once it shows the document (its mapping is empty before). */
export function bindingOf(state: EditorState): Binding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding
  return binding && binding.prosemirrorView ? binding : null
}

/** Every thread's passage read from Yjs, or null while the binding does not show the document yet. */
export function locateAll(state: EditorState, threads: readonly CommentThread[], options: ResolveOptions = {}): Map<string, PassageRange | null> | null {
  const binding = bindingOf(state)
  if (!binding) return null
  const size = state.doc.content.size
  return new Map(threads.map((thread) => [thread.id, resolveThread(binding.type, binding.mapping, thread, size, options)]))
}

function locatePending(state: EditorState, pending: PendingComment | null): PendingComment | null {
  const binding = bindingOf(state)
  if (!pending || !binding) return pending
  return { ...pending, range: resolveAnchor(binding.type, binding.mapping, pending.anchor, state.doc.content.size) }
}

function mapRange(range: PassageRange | null, tr: Transaction): PassageRange | null {
  if (!range) return null
  // Words typed at either edge stay outside the passage, as the anchor's ends stick to its first and last characters.
  const from = tr.mapping.map(range.from, 1)
  const to = tr.mapping.map(range.to, -1)
  return to > from ? { from, to } : null
}

function decorate(state: EditorState, threads: readonly CommentThread[], ranges: CommentsState['ranges'], pending: PendingComment | null, activeId: string | null): DecorationSet {
  const decorations: Decoration[] = []
  for (const thread of threads) {
    const range = ranges.get(thread.id)
    if (!range || thread.resolved) continue
    const className = thread.id === activeId ? 'comment-anchor is-active' : 'comment-anchor'
    decorations.push(Decoration.inline(range.from, range.to, { class: className }, { threadId: thread.id, inclusiveStart: false, inclusiveEnd: false }))
  }
  if (pending?.range) decorations.push(Decoration.inline(pending.range.from, pending.range.to, { class: 'comment-anchor is-pending' }, { inclusiveStart: false, inclusiveEnd: false }))
  return DecorationSet.create(state.doc, decorations)
}

/** The plugin's state before anything is known. */
export function initialCommentsState(state: EditorState, threads: readonly CommentThread[]): CommentsState {
  const ranges = locateAll(state, threads)
  return { ranges: ranges ?? new Map(), located: ranges !== null, unconfirmed: false, pending: null, active: null, decorations: decorate(state, threads, ranges ?? new Map(), null, null) }
}

/** The next state after `tr`: passages read again from Yjs after remote changes, mapped through local ones. */
export function applyCommentsTransaction(tr: Transaction, previous: CommentsState, state: EditorState, threads: readonly CommentThread[]): CommentsState {
  const metas = commentsMetas(tr)
  const ySync = tr.getMeta(ySyncPluginKey) as { isUndoRedoOperation?: boolean } | undefined
  const fromYjs = ySync !== undefined && tr.docChanged
  let { ranges, located, unconfirmed, pending, active } = previous
  let relocate = fromYjs
  if (tr.docChanged && !fromYjs && (ranges.size > 0 || pending)) {
    ranges = new Map([...ranges].map(([id, range]) => [id, mapRange(range, tr)]))
    pending = pending && { ...pending, range: mapRange(pending.range, tr) }
    unconfirmed = true
  }
  for (const meta of metas) {
    switch (meta.kind) {
      case 'threadsChanged':
        relocate = true
        break
      case 'start':
        pending = meta.pending
        break
      case 'cancel':
        pending = null
        break
      case 'activate':
        active = meta.id ? { id: meta.id, reason: meta.reason, serial: (previous.active?.serial ?? 0) + 1 } : null
        break
      case 'needSelection':
        break
    }
  }
  if (relocate) {
    const found = locateAll(state, threads)
    if (found) {
      ranges = found
      located = true
      unconfirmed = fromYjs && ySync?.isUndoRedoOperation === true
      pending = locatePending(state, pending)
    }
  }
  if (ranges === previous.ranges && pending === previous.pending && active === previous.active && unconfirmed === previous.unconfirmed) return previous
  return { ranges, located, unconfirmed, pending, active, decorations: decorate(state, threads, ranges, pending, active?.id ?? null) }
}
