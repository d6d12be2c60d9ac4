import type { Editor, EditorEvents } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import type { PassageRange } from '../../shared/comments/commentAnchors.js'
import type { CommentThread } from '../../shared/comments/commentThreads.js'
import type { CommentsStore } from './CommentsStore.js'
import { commentsKey, commentsMetas, type CommentsState, type PendingComment } from './commentsPluginState.js'

/** A thread as the panel shows it. */
export interface ThreadView {
  thread: CommentThread
  range: PassageRange | null
  /** The passage's words now, or the words it had when it was started once they are gone. */
  passage: string
  detached: boolean
}

export interface CommentsView {
  /** Open threads: those on a passage in the order of the text, then the detached ones, oldest first. */
  open: ThreadView[]
  resolved: ThreadView[]
  pending: PendingComment | null
  active: CommentsState['active']
}

const EMPTY: CommentsView = { open: [], resolved: [], pending: null, active: null }

function readView(editor: Editor, threads: readonly CommentThread[]): CommentsView {
  const state = commentsKey.getState(editor.state)
  // Until the passages were read from Yjs once, no thread is shown (none may look detached by mistake).
  if (!state?.located) return EMPTY
  const doc = editor.state.doc
  const views = threads.flatMap((thread): ThreadView[] => {
    // A thread the plugin has not placed yet (it arrived this very moment) is shown with the next reading.
    if (!state.ranges.has(thread.id)) return []
    const range = state.ranges.get(thread.id) ?? null
    const passage = range ? doc.textBetween(range.from, range.to, ' ', ' ').replace(/\s+/g, ' ').trim() : thread.quote
    return [{ thread, range, passage, detached: range === null }]
  })
  const byText = (a: ThreadView, b: ThreadView) =>
    a.range && b.range ? a.range.from - b.range.from || a.range.to - b.range.to : a.range ? -1 : b.range ? 1 : a.thread.createdAt - b.thread.createdAt
  return {
    open: views.filter((view) => !view.thread.resolved).sort(byText),
    resolved: views.filter((view) => view.thread.resolved).sort((a, b) => b.thread.resolved!.at - a.thread.resolved!.at),
    pending: state.pending,
    active: state.active,
  }
}

/**
 * The threads with their passages, read after the frame that shows a change (typing beside a passage moves it
 * on every keystroke; the panel follows at most once a frame). `onNotice` hears the plugin's notices at once.
 */
export function useCommentsView(editor: Editor, store: CommentsStore, onNeedSelection: () => void): CommentsView {
  const [view, setView] = useState<CommentsView>(() => readView(editor, store.getSnapshot()))
  useEffect(() => {
    let frame: number | null = null
    let shownState = commentsKey.getState(editor.state)
    let shownThreads = store.getSnapshot()
    const refresh = () => {
      if (frame !== null) cancelAnimationFrame(frame)
      frame = null
      if (editor.isDestroyed) return
      const state = commentsKey.getState(editor.state)
      const threads = store.getSnapshot()
      if (state === shownState && threads === shownThreads) return
      shownState = state
      shownThreads = threads
      setView(readView(editor, threads))
    }
    const schedule = () => {
      frame ??= requestAnimationFrame(refresh)
    }
    const onTransaction = ({ transaction }: EditorEvents['transaction']) => {
      const metas = commentsMetas(transaction)
      if (metas.some((meta) => meta.kind === 'needSelection')) onNeedSelection()
      // Starting a comment or going to a thread shows at once: keys typed right after must reach the form.
      if (metas.some((meta) => meta.kind === 'start' || (meta.kind === 'activate' && meta.reason === 'keyboard'))) flushSync(refresh)
      else schedule()
    }
    editor.on('transaction', onTransaction)
    const unsubscribe = store.subscribe(schedule)
    refresh()
    return () => {
      editor.off('transaction', onTransaction)
      unsubscribe()
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [editor, store, onNeedSelection])
  return view
}
