import { useState, type FormEvent } from 'react'
import type { UserInfo } from '../../shared/authApiTypes.js'
import { authApi } from './authApi.js'
import { AuthField } from './AuthField.js'

/** Email and password; `onSignedIn` gets the person once the server has set the session cookie. */
export function SignInForm({ onSignedIn, onWantsSignUp }: { onSignedIn: (user: UserInfo) => void; onWantsSignUp: (() => void) | null }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const missing = {
      email: email.trim() ? undefined : 'Enter the email address of your account.',
      password: password ? undefined : 'Enter your password.',
    }
    setFieldErrors(missing)
    if (missing.email || missing.password) return
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await authApi.signIn(email.trim(), password))
    } catch (caught) {
      setError((caught as Error).message)
      setBusy(false)
    }
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-labelledby="auth-title">
      <h1 id="auth-title">Sign in</h1>
      <p className="muted">Sign in to read and write your working group’s statements.</p>
      {error && (
        <p className="banner error auth-error" role="alert">
          {error}
        </p>
      )}
      <AuthField id="signin-email" label="Email" type="email" autoComplete="username" autoFocus value={email} onChange={setEmail} error={fieldErrors.email} />
      <AuthField id="signin-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fieldErrors.password} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {onWantsSignUp && (
        <p className="auth-switch">
          No account yet?{' '}
          <button type="button" className="link-button" onClick={onWantsSignUp}>
            Create an account
          </button>
        </p>
      )}
    </form>
  )
}
