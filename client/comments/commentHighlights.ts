import { Extension } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { Plugin } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { anchorOfRange, type PassageRange } from '../../shared/comments/commentAnchors.js'
import { MAX_QUOTE_LENGTH } from '../../shared/comments/commentRecords.js'
import { addAnchor } from '../../shared/comments/commentThreads.js'
import { COMMENTS_ORIGIN, type CommentsStore } from './CommentsStore.js'
import { applyCommentsTransaction, bindingOf, commentsKey, initialCommentsState, locateAll, tellComments, type ActivationReason, type CommentsMeta, type CommentsState } from './commentsPluginState.js'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    comments: {
      /** Starts a comment on the selected words: the threads panel shows the form. */
      startComment: () => ReturnType
      /** Drops the comment being written. */
      cancelComment: () => ReturnType
      /** Makes a thread the active one (its passage stands out), or none. */
      setActiveThread: (id: string | null, reason: ActivationReason) => ReturnType
      /** Makes the next (1) or previous (-1) open thread after the caret the active one. */
      goToThread: (direction: 1 | -1) => ReturnType
    }
  }
}

/** The selection without the spaces at its edges, so the highlight starts and ends on words. */
function trimmedSelection(state: EditorState): PassageRange | null {
  let { from, to } = state.selection
  const blank = (at: number) => /^\s$/.test(state.doc.textBetween(at, at + 1, '\n', '\ufffc'))
  while (from < to && blank(from)) from++
  while (to > from && blank(to - 1)) to--
  return to > from ? { from, to } : null
}

/** The open threads with a passage, in the order of the text. */
function openPassages(state: EditorState, store: CommentsStore): { id: string; range: PassageRange }[] {
  const comments = commentsKey.getState(state)
  if (!comments) return []
  return store
    .getSnapshot()
    .flatMap((thread) => {
      const range = thread.resolved ? null : comments.ranges.get(thread.id)
      return range ? [{ id: thread.id, range }] : []
    })
    .sort((a, b) => a.range.from - b.range.from || a.range.to - b.range.to)
}

const sameRange = (a: PassageRange | null | undefined, b: PassageRange | null | undefined) => a?.from === b?.from && a?.to === b?.to

/**
 * After this person's own edits and undos: where the page knows a passage's words to be but the other clients
 * would not find them, the thread gets a new anchor on them (its old ones stay, for a later undo). That happens
 * when the binding wrote the words into new Yjs items (splitting or joining paragraphs deletes and re-inserts
 * text; ProseMirror's mapping knows where they went), or when an undo brought them back as copies (Yjs links the
 * copies to the originals only in the document that undid). Nothing is dispatched when every anchor agrees, so
 * typing stays one transaction per keystroke.
 */
function reanchorMovedPassages(view: EditorView, store: CommentsStore): void {
  const comments = commentsKey.getState(view.state)
  const binding = bindingOf(view.state)
  if (!comments?.unconfirmed || !binding || !view.editable) return
  const threads = store.getSnapshot()
  const portable = locateAll(view.state, threads, { portable: true })
  if (!portable) return
  const doc = binding.type.doc!
  for (const thread of threads) {
    const here = comments.ranges.get(thread.id)
    if (here && !sameRange(here, portable.get(thread.id))) addAnchor(doc, thread.id, anchorOfRange(binding.type, binding.mapping, here), COMMENTS_ORIGIN)
  }
}

/**
 * Comment threads in the text: their passages highlighted (decorations computed from the threads' Yjs anchors,
 * never marks: comments are not part of the statement), the comment being written, and the keys: Mod-Alt-M
 * comments on the selection, Mod-Alt-N and Mod-Alt-P go to the next and previous thread.
 */
export const CommentHighlights = Extension.create<{ store: CommentsStore | null }>({
  name: 'commentHighlights',

  addOptions: () => ({ store: null }),

  addCommands() {
    const store = () => this.options.store!
    return {
      startComment:
        () =>
        ({ state, tr, dispatch, editor }) => {
          const binding = bindingOf(state)
          const range = trimmedSelection(state)
          if (!editor.isEditable || !binding || !range) return false
          if (dispatch) {
            const quote = state.doc.textBetween(range.from, range.to, ' ', ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE_LENGTH)
            tellComments(tr, { kind: 'start', pending: { anchor: anchorOfRange(binding.type, binding.mapping, range), quote, range } })
          }
          return true
        },
      cancelComment: () => send({ kind: 'cancel' }),
      setActiveThread: (id, reason) => send({ kind: 'activate', id, reason }),
      goToThread:
        (direction) =>
        ({ state, tr, dispatch }) => {
          const passages = openPassages(state, store())
          const detached = store().getSnapshot().filter((thread) => !thread.resolved && !passages.some((passage) => passage.id === thread.id))
          const caret = state.selection.from
          const target =
            direction === 1
              ? (passages.find((passage) => passage.range.from > caret) ?? passages[0])
              : ([...passages].reverse().find((passage) => passage.range.from < caret) ?? passages.at(-1))
          const id = target?.id ?? detached[0]?.id
          if (!id) return false
          if (dispatch) tellComments(tr, { kind: 'activate', id, reason: 'keyboard' })
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': ({ editor }) => editor.commands.startComment() || editor.commands.command(send({ kind: 'needSelection' })),
      'Mod-Alt-n': ({ editor }) => editor.commands.goToThread(1),
      'Mod-Alt-p': ({ editor }) => editor.commands.goToThread(-1),
    }
  },

  addProseMirrorPlugins() {
    const store = this.options.store
    if (!store) throw new Error('CommentHighlights needs the document’s CommentsStore')
    return [
      new Plugin({
        key: commentsKey,
        state: {
          init: (_config, state) => initialCommentsState(state, store.getSnapshot()),
          apply: (tr, previous, _old, state) => applyCommentsTransaction(tr, previous, state, store.getSnapshot()),
        },
        props: {
          decorations: (state) => commentsKey.getState(state)?.decorations,
          // A click in a passage makes its thread the active one (the panel shows it); a click elsewhere, none.
          handleClick: (view, pos) => {
            const found = openPassages(view.state, store)
              .filter(({ range }) => range.from <= pos && pos <= range.to)
              .sort((a, b) => a.range.to - a.range.from - (b.range.to - b.range.from))[0]
            const active = commentsKey.getState(view.state)?.active
            if (found || active) view.dispatch(tellComments(view.state.tr, { kind: 'activate', id: found?.id ?? null, reason: 'click' }))
            return false
          },
        },
        view: (view) => {
          let destroyed = false
          let check: ReturnType<typeof setTimeout> | null = null
          const relocate = () => {
            if (!destroyed) view.dispatch(tellComments(view.state.tr, { kind: 'threadsChanged' }))
          }
          const unsubscribe = store.subscribe(relocate)
          // The binding's view comes first and has shown the document by now: read every passage once.
          const first = setTimeout(relocate, 0)
          // The state last checked: a selection change keeps the plugin's state, and needs no second look.
          let checked: CommentsState | undefined
          return {
            update: () => {
              const state = commentsKey.getState(view.state)
              if (check !== null || !state?.unconfirmed || state === checked) return
              checked = state
              check = setTimeout(() => {
                check = null
                if (!destroyed) reanchorMovedPassages(view, store)
              }, 0)
            },
            destroy: () => {
              destroyed = true
              unsubscribe()
              clearTimeout(first)
              if (check !== null) clearTimeout(check)
            },
          }
        },
      }),
    ]
  },
})

/** A command that only tells the comments plugin something. */
function send(meta: CommentsMeta) {
  return ({ tr, dispatch }: { tr: EditorState['tr']; dispatch?: unknown }) => {
    if (dispatch) tellComments(tr, meta)
    return true
  }
}
