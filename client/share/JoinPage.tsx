import { useEffect, useState } from 'react'
import type { LinkTarget } from '../../shared/authApiTypes.js'
import { displayTitle } from '../../shared/documentTitle.js'
import { accessApi } from '../account/accessApi.js'
import { useAccount } from '../account/AccountContext.js'
import { ApiRequestError } from '../api.js'
import { linkProps, navigate } from '../routing.js'

type JoinState = { kind: 'loading' } | { kind: 'ready'; target: LinkTarget } | { kind: 'failed'; error: ApiRequestError }

const roleWords = (role: LinkTarget['role']) => (role === 'viewer' ? 'read it (viewer)' : role === 'editor' ? 'read and write it (editor)' : 'own it')

/** What the page says when the link cannot be used. */
function failure(error: ApiRequestError): { heading: string; text: string } {
  if (error.code === 'link_not_found') return { heading: 'This share link no longer works', text: 'It was revoked, or it was never a link to a statement here. Ask the statement’s owner for a new one.' }
  if (error.code === 'document_in_trash') return { heading: 'This statement is in the trash', text: 'Its owner moved it to the trash, so the link cannot be used now. Ask them to restore it.' }
  return { heading: 'The link could not be checked', text: error.message }
}

/**
 * `/join/<secret>`: a share link as the person who received it opens it. Signed out, the sign-in form shows at
 * this address first (AuthGate), so they come back here. Joining is a deliberate step (the button): opening the
 * address only shows what the link grants.
 */
export function JoinPage({ secret }: { secret: string }) {
  const { state, signOut } = useAccount()
  const [join, setJoin] = useState<JoinState>({ kind: 'loading' })
  const [joining, setJoining] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    document.title = 'Join a statement · Caucus'
    accessApi.linkTarget(secret).then(
      (target) => setJoin({ kind: 'ready', target }),
      (caught: ApiRequestError) => setJoin({ kind: 'failed', error: caught }),
    )
  }, [secret])

  const accept = async () => {
    setJoining(true)
    try {
      const joined = await accessApi.acceptLink(secret)
      navigate(`/d/${encodeURIComponent(joined.docId)}`)
    } catch (caught) {
      setError((caught as Error).message)
      setJoining(false)
    }
  }

  const who = state.kind === 'signedIn' ? state.user : null
  return (
    <main className="page narrow join-page">
      <p className="brand">Caucus</p>
      {join.kind === 'loading' && <p className="muted">Checking the link…</p>}
      {join.kind === 'failed' && (
        <section className="auth-form" aria-labelledby="join-title">
          <h1 id="join-title">{failure(join.error).heading}</h1>
          <p>{failure(join.error).text}</p>
          <p>
            <a {...linkProps('/')}>Go to your documents</a>
          </p>
        </section>
      )}
      {join.kind === 'ready' && (
        <section className="auth-form" aria-labelledby="join-title">
          <h1 id="join-title">Join “{displayTitle(join.target.title)}”</h1>
          <p>
            This link lets you {roleWords(join.target.role)}. If you already have a higher role on it, you keep that one.
          </p>
          {who && (
            <p className="muted">
              You will join as <strong>{who.name}</strong> ({who.email}).{' '}
              <button type="button" className="link-button" onClick={() => void signOut()}>
                Sign in as someone else
              </button>
            </p>
          )}
          {error && (
            <p className="banner error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="primary" onClick={() => void accept()} disabled={joining}>
            {joining ? 'Joining…' : 'Join and open the statement'}
          </button>
        </section>
      )}
    </main>
  )
}
