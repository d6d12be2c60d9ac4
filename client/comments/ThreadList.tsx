import { useState } from 'react'
import { ThreadCard, type ThreadActions } from './ThreadCard.js'
import type { CommentsView } from './useCommentsView.js'

/** The resolved threads, folded away behind a button that says how many there are. */
export function ResolvedThreads({ view, readOnly, actions }: { view: CommentsView; readOnly: boolean; actions: ThreadActions }) {
  const [shown, setShown] = useState(false)
  if (view.resolved.length === 0) return null
  return (
    <div className="comments-resolved">
      <button type="button" className="link-button comments-resolved-toggle" aria-expanded={shown} onClick={() => setShown((value) => !value)}>
        {shown ? 'Hide' : 'Show'} resolved ({view.resolved.length})
      </button>
      {shown && (
        <div className="comments-resolved-list">
          {view.resolved.map((thread) => (
            <ThreadCard key={thread.thread.id} view={thread} active={view.active?.id === thread.thread.id} readOnly={readOnly} actions={actions} />
          ))}
        </div>
      )}
    </div>
  )
}

/** What the panel says when there is nothing to show yet. */
export function NoThreads({ canWrite }: { canWrite: boolean }) {
  return <p className="comments-empty">{canWrite ? 'Select words in the text and press Comment (Ctrl+Alt+M) to start a thread.' : 'No comments yet.'}</p>
}
