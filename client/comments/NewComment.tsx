import { CommentForm } from './CommentForm.js'

/** The comment being started on the selected words: their quote, and the form. */
export function NewComment({ quote, onSubmit, onCancel }: { quote: string; onSubmit: (body: string) => void; onCancel: () => void }) {
  return (
    <section className="comment-thread is-new" aria-label="New comment">
      <p className="thread-quote thread-quote-static">
        <q className="thread-quote-text">{quote}</q>
      </p>
      <CommentForm focusOnMount label={`Comment on “${quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}”`} placeholder="Add a comment…" submitLabel="Comment" onSubmit={onSubmit} onCancel={onCancel} />
    </section>
  )
}
