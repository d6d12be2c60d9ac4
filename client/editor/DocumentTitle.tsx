import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { displayTitle, titleProblem, UNTITLED } from '../../shared/documentTitle.js'
import { api } from '../api.js'

interface Props {
  docId: string
  info: DocumentInfo | null
  onRenamed: (info: DocumentInfo) => void
  /** Put the caret here as soon as the title can be edited (a statement just created). */
  focusWhenReady: boolean
  onFocused: () => void
  /** Enter in the title: the person is done with it and goes on to the text. */
  onDone: () => void
  /** A viewer sees the title but cannot rename. */
  readOnly?: boolean
}

/**
 * The document's title, renamed in place (Enter or leaving the field saves; Escape cancels). An empty title
 * is allowed and shown as the placeholder "Untitled statement". A title over the limit is not cut: the field
 * says why it cannot be saved until it is shortened.
 */
export function DocumentTitle({ docId, info, onRenamed, focusWhenReady, onFocused, onDone, readOnly = false }: Props) {
  const [draft, setDraft] = useState(info?.title ?? '')
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // What the server holds, as soon as a rename answers (the blur that follows Enter must not send it again).
  const stored = useRef(info?.title)
  // Escape blurs the field, and leaving the field saves: this says the blur is a cancel.
  const cancelling = useRef(false)
  useEffect(() => {
    stored.current = info?.title
    setDraft(info?.title ?? '')
  }, [info?.title])

  useEffect(() => {
    if (!focusWhenReady || !info) return
    input.current?.focus()
    onFocused()
  }, [focusWhenReady, info, onFocused])

  const problem = titleProblem(draft)
  const message = problem ?? error

  const save = async (): Promise<boolean> => {
    if (!info || problem || readOnly) return false
    if (draft.trim() === stored.current) return true
    try {
      const renamed = await api.renameDocument(docId, draft)
      stored.current = renamed.title
      setError(null)
      onRenamed(renamed)
      window.document.title = `${displayTitle(renamed.title)} · Caucus`
      return true
    } catch (caught) {
      setError((caught as Error).message)
      return false
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (await save()) onDone()
  }

  return (
    <form className="title-form" onSubmit={submit}>
      <label htmlFor="doc-title" className="visually-hidden">
        Document title
      </label>
      <input
        id="doc-title"
        ref={input}
        className="title-input"
        value={draft}
        placeholder={info ? UNTITLED : 'Loading…'}
        disabled={!info}
        readOnly={readOnly}
        onChange={(event) => {
          setDraft(event.target.value)
          setError(null)
        }}
        onBlur={() => {
          if (!cancelling.current) void save()
          cancelling.current = false
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setDraft(stored.current ?? '')
            setError(null)
            cancelling.current = true
            event.currentTarget.blur()
          }
        }}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? 'doc-title-error' : undefined}
      />
      {message && (
        <span id="doc-title-error" className="field-error" role="alert">
          {message}
        </span>
      )}
    </form>
  )
}
