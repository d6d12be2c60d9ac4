import { useState } from 'react'
import { useAccount } from './AccountContext.js'

/** The signed-in person's name and the way out, in every page's header. */
export function AccountMenu() {
  const { state, signOut } = useAccount()
  const [error, setError] = useState<string | null>(null)
  if (state.kind !== 'signedIn') return null
  return (
    <div className="account-menu">
      <span className="account-name" title={state.user.email}>
        <span className="visually-hidden">Signed in as </span>
        {state.user.name}
      </span>
      <button type="button" className="header-button" onClick={() => signOut().catch((caught: Error) => setError(caught.message))}>
        Sign out
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
