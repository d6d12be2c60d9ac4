import { useEffect, useState, type ReactNode } from 'react'
import { navigate } from '../routing.js'
import { useAccount } from './AccountContext.js'
import { SignInForm } from './SignInForm.js'
import { SignUpForm } from './SignUpForm.js'

function invitationInAddress(): string | null {
  return new URLSearchParams(window.location.search).get('invitation')
}

/**
 * Shows the page only to someone signed in; otherwise, at the same address, "Create the first account" on a
 * fresh install, or the sign-in form (with sign-up when the server allows it). Signing in keeps the address,
 * so the person lands where they were going (the statement they opened); signing up from `/signup` goes to
 * the documents.
 */
export function AuthGate({ children, loading }: { children: ReactNode; loading: ReactNode }) {
  const { state, signedIn } = useAccount()
  const [invitation] = useState(invitationInAddress)
  const [mode, setMode] = useState<'signIn' | 'signUp'>(() => (window.location.pathname === '/signup' ? 'signUp' : 'signIn'))

  useEffect(() => {
    if (state.kind === 'signedOut') document.title = state.setup.firstAccountNeeded ? 'Create the first account · Caucus' : mode === 'signUp' ? 'Create your account · Caucus' : 'Sign in · Caucus'
  }, [state, mode])

  if (state.kind === 'loading') return loading
  if (state.kind === 'unreachable') {
    return (
      <main className="page narrow">
        <p className="banner error" role="alert">
          {state.message}
        </p>
      </main>
    )
  }
  if (state.kind === 'signedIn') return children

  const afterSignIn: typeof signedIn = (user) => {
    if (window.location.pathname === '/signup') navigate('/')
    signedIn(user)
  }
  const first = state.setup.firstAccountNeeded
  const canSignUp = first || state.setup.signupOpen || invitation !== null
  // Someone opened a share link signed out: say why they are asked to sign in (they come back here after).
  const joining = window.location.pathname.startsWith('/join/')
  return (
    <main className="page auth-page">
      <p className="brand">Caucus</p>
      {joining && !first && (
        <p className="banner auth-context">
          A statement was shared with you. {canSignUp ? 'Sign in, or create an account,' : 'Sign in'} to open it
          {canSignUp ? '.' : '; to get an account, ask an admin of this Caucus server for an invitation.'}
        </p>
      )}
      {first || (mode === 'signUp' && canSignUp) ? (
        <SignUpForm first={first} invitation={invitation} onSignedIn={afterSignIn} onWantsSignIn={first ? null : () => setMode('signIn')} />
      ) : (
        <SignInForm onSignedIn={afterSignIn} onWantsSignUp={canSignUp ? () => setMode('signUp') : null} />
      )}
    </main>
  )
}
