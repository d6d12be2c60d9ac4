import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { cleanCommentBody, MAX_COMMENT_LENGTH } from '../../shared/comments/commentRecords.js'

/**
 * A comment or a reply being written. Ctrl/Cmd+Enter sends it; Escape cancels a new comment (for a reply it goes
 * back to the text, see CommentsPanel). A reply box stays one line, with its button, until something is typed.
 */
export function CommentForm({
  label,
  placeholder,
  submitLabel,
  focusOnMount = false,
  compact = false,
  onSubmit,
  onCancel,
}: {
  /** What a screen reader announces for the text box. */
  label: string
  placeholder: string
  submitLabel: string
  focusOnMount?: boolean
  compact?: boolean
  onSubmit: (body: string) => void
  onCancel?: () => void
}) {
  const [text, setText] = useState('')
  const id = useId()
  const box = useRef<HTMLTextAreaElement>(null)
  const body = cleanCommentBody(text)

  // In the layout phase: the form appears in the same task as the key that asked for it, and takes the keys after it.
  useLayoutEffect(() => {
    if (focusOnMount) box.current?.focus({ preventScroll: true })
  }, [focusOnMount])

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (!body) return
    onSubmit(body)
    setText('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event)
    else if (event.key === 'Escape' && onCancel) {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
    }
  }

  return (
    <form className={compact ? 'comment-form is-compact' : 'comment-form'} onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        ref={box}
        value={text}
        rows={compact && text === '' ? 1 : 3}
        placeholder={placeholder}
        maxLength={MAX_COMMENT_LENGTH}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {(!compact || text !== '') && (
        <div className="comment-form-actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={!body}>
            {submitLabel}
          </button>
        </div>
      )}
    </form>
  )
}
