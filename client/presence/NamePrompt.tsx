import { useState, type FormEvent } from 'react'
import { MAX_NAME_LENGTH, saveIdentity, type Identity } from './identity.js'

/** Asks once for the name others will see next to your caret. */
export function NamePrompt({ onDone, initialName = '' }: { onDone: (identity: Identity) => void; initialName?: string }) {
  const [name, setName] = useState(initialName)
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setError('Please enter a name so your colleagues know who is writing.')
      return
    }
    onDone(saveIdentity(name))
  }
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="name-prompt-title" onSubmit={submit}>
        <h2 id="name-prompt-title">What should your colleagues call you?</h2>
        <p className="muted">Your name appears next to your cursor and in the list of people editing. It is remembered on this device.</p>
        <label htmlFor="display-name">Display name</label>
        <input
          id="display-name"
          autoFocus
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            setError(null)
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'display-name-error' : undefined}
        />
        {error && (
          <p id="display-name-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary">
            Start writing
          </button>
        </div>
      </form>
    </div>
  )
}
