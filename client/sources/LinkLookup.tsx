import { useState, type FormEvent } from 'react'
import type { CslItem } from '../../shared/sources/index.js'
import { ApiRequestError } from '../api.js'
import { lookUpLink } from './sourceLookupApi.js'

interface Props {
  /** Opens the source form filled with what the page says (nothing is saved until the person saves it). */
  onFound: (item: CslItem, url: string) => void
}

/** "Add from a link": a pasted URL is read by the server, and the result opens in the source form for review. */
export function LinkLookup({ onFound }: Props) {
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const link = url.trim()
    if (!link) {
      setError('Paste or type a link first.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      onFound(await lookUpLink(link), link)
      setUrl('')
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The link could not be looked up. Try again, or add the source by hand.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="link-lookup" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <label htmlFor="source-link">Add from a link</label>
      <div className="link-lookup-row">
        <input
          id="source-link"
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'source-link-error' : undefined}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Looking up…' : 'Look up'}
        </button>
      </div>
      {/* Announced while the server reads the page; the filled form (or the error) follows. */}
      <p className="visually-hidden" role="status">
        {busy ? 'Looking up the link…' : ''}
      </p>
      {error && (
        <p id="source-link-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
