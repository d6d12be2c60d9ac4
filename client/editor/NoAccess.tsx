import { useAccount } from '../account/AccountContext.js'
import { linkProps } from '../routing.js'

/**
 * Shown instead of the statement when the server will not let this person open it (not a member, or the
 * document does not exist: the server does not say which).
 */
export function NoAccess() {
  const { state, signOut } = useAccount()
  return (
    <main className="page narrow no-access">
      <h1>You don’t have access to this document</h1>
      <p>
        It may not have been shared with you, or it no longer exists.
        {state.kind === 'signedIn' && (
          <>
            {' '}
            You are signed in as <strong>{state.user.name}</strong> ({state.user.email}).
          </>
        )}{' '}
        Ask its owner to share it with you.
      </p>
      <p className="no-access-actions">
        <a {...linkProps('/')}>Back to your documents</a>
        <button type="button" onClick={() => void signOut()}>
          Sign in as someone else
        </button>
      </p>
    </main>
  )
}
