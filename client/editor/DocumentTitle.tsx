import { useEffect, useState, type FormEvent } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { MAX_TITLE_LENGTH } from '../titleLimit.js'
import { api } from '../api.js'

/** The document's title, renamed in place (Enter or leaving the field saves; Escape cancels). */
export function DocumentTitle({ docId, info, onRenamed }: { docId: string; info: DocumentInfo | null; onRenamed: (info: DocumentInfo) => void }) {
  const [draft, setDraft] = useState(info?.title ?? '')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setDraft(info?.title ?? ''), [info?.title])

  const save = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!info || draft.trim() === info.title) return
    if (!draft.trim()) {
      setDraft(info.title)
      return
    }
    try {
      const renamed = await api.renameDocument(docId, draft)
      setError(null)
      onRenamed(renamed)
      window.document.title = `${renamed.title} · Caucus`
    } catch (caught) {
      setError((caught as Error).message)
    }
  }

  return (
    <form className="title-form" onSubmit={save}>
      <label htmlFor="doc-title" className="visually-hidden">
        Document title
      </label>
      <input
        id="doc-title"
        className="title-input"
        value={draft}
        maxLength={MAX_TITLE_LENGTH}
        placeholder={info ? 'Untitled statement' : 'Loading…'}
        disabled={!info}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setDraft(info?.title ?? '')
            event.currentTarget.blur()
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'doc-title-error' : undefined}
      />
      {error && (
        <span id="doc-title-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}
