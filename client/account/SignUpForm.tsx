import { useState, type FormEvent } from 'react'
import { MAX_NAME_LENGTH, MIN_PASSWORD_LENGTH, type UserInfo } from '../../shared/authApiTypes.js'
import { authApi } from './authApi.js'
import { AuthField } from './AuthField.js'

interface SignUpFormProps {
  /** A fresh install: this account becomes the server's admin. */
  first: boolean
  /** The secret of an admin's invitation link (`/signup?invitation=…`), if the person came through one. */
  invitation: string | null
  onSignedIn: (user: UserInfo) => void
  onWantsSignIn: (() => void) | null
}

type Field = 'name' | 'email' | 'password'

/** Name, email and password for a new account (the first one, or one that sign-up or an invitation allows). */
export function SignUpForm({ first, invitation, onSignedIn, onWantsSignIn }: SignUpFormProps) {
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', password: '' })
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const problems: Partial<Record<Field, string>> = {}
    if (!values.name.trim()) problems.name = 'Enter your name: others see it next to your cursor.'
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) problems.email = 'Enter an email address such as ana@example.org.'
    if (values.password.length < MIN_PASSWORD_LENGTH) problems.password = `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`
    setFieldErrors(problems)
    if (Object.keys(problems).length > 0) return
    setBusy(true)
    setError(null)
    try {
      const body = { name: values.name.trim(), email: values.email.trim(), password: values.password, ...(invitation ? { invitation } : {}) }
      onSignedIn(await authApi.signUp(body))
    } catch (caught) {
      setError((caught as Error).message)
      setBusy(false)
    }
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-labelledby="auth-title">
      <h1 id="auth-title">{first ? 'Create the first account' : 'Create your account'}</h1>
      <p className="muted">
        {first
          ? 'Nobody has an account on this Caucus server yet. The first account administers it: it can invite others, and it owns the statements written before accounts existed.'
          : 'Your name is shown to the people you write with.'}
      </p>
      {error && (
        <p className="banner error auth-error" role="alert">
          {error}
        </p>
      )}
      <AuthField id="signup-name" label="Name" autoComplete="name" autoFocus maxLength={MAX_NAME_LENGTH} value={values.name} onChange={set('name')} error={fieldErrors.name} />
      <AuthField id="signup-email" label="Email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={fieldErrors.email} />
      <AuthField
        id="signup-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={values.password}
        onChange={set('password')}
        error={fieldErrors.password}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating the account…' : first ? 'Create the first account' : 'Create account'}
      </button>
      {onWantsSignIn && (
        <p className="auth-switch">
          Already have an account?{' '}
          <button type="button" className="link-button" onClick={onWantsSignIn}>
            Sign in
          </button>
        </p>
      )}
    </form>
  )
}
