import type { CommentMessage } from '../../shared/comments/commentThreads.js'
import { CommentForm } from './CommentForm.js'
import { fullCommentTime, shortCommentTime } from './commentTime.js'
import type { ThreadView } from './useCommentsView.js'

export interface ThreadActions {
  reply(threadId: string, body: string): void
  resolve(threadId: string): void
  reopen(threadId: string): void
  /** Puts the caret at the start of the thread's passage and shows it. */
  showInText(threadId: string): void
  /** The thread was clicked or focused: its passage stands out. */
  activate(threadId: string): void
}

/** How a thread is named to screen readers and in its labels. */
export function threadName(view: ThreadView): string {
  const author = view.thread.messages[0]?.author.name ?? 'someone'
  return `Comment by ${author} on “${shorten(view.passage, 80)}”`
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

function Message({ message }: { message: CommentMessage }) {
  return (
    <li className="comment-message">
      <p className="comment-meta">
        <span className="comment-author-dot" style={{ backgroundColor: message.author.colour }} aria-hidden="true" />
        <span className="comment-author">{message.author.name}</span>
        <time dateTime={new Date(message.at).toISOString()} title={fullCommentTime(message.at)}>
          {shortCommentTime(message.at)}
        </time>
      </p>
      <p className="comment-body">{message.body}</p>
    </li>
  )
}

/** One thread: what it is about, its messages, and for those who can write, a reply box and Resolve or Reopen. */
export function ThreadCard({ view, active, readOnly, actions }: { view: ThreadView; active: boolean; readOnly: boolean; actions: ThreadActions }) {
  const { thread, detached, passage } = view
  const headingId = `thread-${thread.id}-name`
  const firstAuthor = thread.messages[0]?.author.name ?? 'someone'
  const classes = ['comment-thread', active && 'is-active', detached && 'is-detached', thread.resolved && 'is-resolved'].filter(Boolean).join(' ')
  return (
    <article className={classes} data-thread-card={thread.id} tabIndex={-1} aria-labelledby={headingId} onFocus={() => actions.activate(thread.id)} onClick={() => actions.activate(thread.id)}>
      <h3 id={headingId} className="visually-hidden">
        {threadName(view)}
        {thread.resolved ? ' (resolved)' : ''}
        {detached ? ' (detached)' : ''}
      </h3>
      {detached ? (
        <p className="thread-detached">
          <span className="thread-badge">Detached</span> Its words were deleted from the text. They read: <q className="thread-quote-text">{passage}</q>
        </p>
      ) : (
        <button type="button" className="thread-quote" onClick={() => actions.showInText(thread.id)}>
          <q className="thread-quote-text">{passage}</q>
          <span className="visually-hidden"> (show in the text)</span>
        </button>
      )}
      {thread.messages.length > 0 ? (
        <ol className="comment-messages">
          {thread.messages.map((message) => (
            <Message key={message.id} message={message} />
          ))}
        </ol>
      ) : (
        <p className="comment-body muted">This comment could not be read.</p>
      )}
      {thread.resolved && (
        <p className="thread-resolved">
          Resolved by {thread.resolved.by.name} ·{' '}
          <time dateTime={new Date(thread.resolved.at).toISOString()} title={fullCommentTime(thread.resolved.at)}>
            {shortCommentTime(thread.resolved.at)}
          </time>
        </p>
      )}
      {/* The reply box and Resolve show on the thread in hand (clicked, focused, reached by keyboard), so the
          margin stays quiet and each card stays close to its passage. */}
      {!readOnly && active && (
        <div className="thread-footer">
          {!thread.resolved && <CommentForm compact label={`Reply to ${firstAuthor}`} placeholder="Reply…" submitLabel="Reply" onSubmit={(body) => actions.reply(thread.id, body)} />}
          <button type="button" className="thread-resolve" onClick={() => (thread.resolved ? actions.reopen(thread.id) : actions.resolve(thread.id))}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
            <span className="visually-hidden"> the comment on “{shorten(passage, 40)}”</span>
          </button>
        </div>
      )}
    </article>
  )
}
