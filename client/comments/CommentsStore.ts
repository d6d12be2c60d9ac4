import type * as Y from 'yjs'
import { observeThreads, readThreads, type CommentThread } from '../../shared/comments/commentThreads.js'

/** Transaction origin of the comment writes made on this page (never the editor's, so its undo ignores them). */
export const COMMENTS_ORIGIN = 'comments'

/**
 * The document's comment threads as the editor and React read them: an immutable list, read again after each
 * transaction that touches the comments map. It watches the Y.Doc only while someone listens, so it needs no
 * teardown (React's StrictMode may build one and drop it without ever subscribing).
 */
export class CommentsStore {
  private threads: readonly CommentThread[] | null = null
  private readonly listeners = new Set<() => void>()
  private stopObserving: (() => void) | null = null

  constructor(readonly doc: Y.Doc) {}

  getSnapshot = (): readonly CommentThread[] => (this.threads ??= readThreads(this.doc))

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    // What was read while nobody listened may be stale by now.
    if (!this.stopObserving) this.threads = null
    this.stopObserving ??= observeThreads(this.doc, () => {
      this.threads = null
      for (const notify of [...this.listeners]) notify()
    })
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        this.stopObserving?.()
        this.stopObserving = null
        // Unobserved from here on: the next reader reads the document again.
        this.threads = null
      }
    }
  }
}

const stores = new WeakMap<Y.Doc, CommentsStore>()

/** The one store of a document's threads (the editor's highlights and the threads panel share it). */
export function commentsStoreFor(doc: Y.Doc): CommentsStore {
  let store = stores.get(doc)
  if (!store) stores.set(doc, (store = new CommentsStore(doc)))
  return store
}
