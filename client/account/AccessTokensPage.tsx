import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { ActionMessages } from './ActionMessages.js'
import { MAX_NAME_LENGTH, type NewTokenResponse, type TokenInfo } from '../../shared/authApiTypes.js'
import { accessApi, formatDate } from './accessApi.js'
import { AccountPage } from './AccountPage.js'
import { AuthField } from './AuthField.js'
import { CopyOnce } from './CopyOnce.js'

/** `/account/tokens`: personal access tokens for scripts; each is shown once, when it is created. */
export function AccessTokensPage() {
  const [tokens, setTokens] = useState<TokenInfo[] | null>(null)
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [created, setCreated] = useState<NewTokenResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => {
    accessApi.listTokens().then(setTokens, (caught: Error) => setError(caught.message))
  }, [])
  useEffect(() => {
    document.title = 'Access tokens · Caucus'
    reload()
  }, [reload])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return setNameError('Give the token a name: what script or tool will use it.')
    setNameError(null)
    setBusy(true)
    try {
      const token = await accessApi.createToken(name.trim())
      setCreated(token)
      setName('')
      setError(null)
      setNotice(`Token “${token.name}” created. Copy it now: it will not be shown again.`)
      reload()
    } catch (caught) {
      setError((caught as Error).message)
    }
    setBusy(false)
  }

  const revoke = async (token: TokenInfo) => {
    try {
      await accessApi.revokeToken(token.id)
      if (created?.id === token.id) setCreated(null)
      setError(null)
      setNotice(`Token “${token.name}” revoked: scripts using it are refused from now on.`)
    } catch (caught) {
      setError((caught as Error).message)
    }
    reload()
  }

  return (
    <AccountPage title="Access tokens">
      <p className="account-intro">
        A token lets a script or tool use the Caucus API with your rights, without your password: it sends{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. Give each use its own token, and revoke one you no longer need.
      </p>
      <ActionMessages error={error} notice={notice} />
      <form className="account-panel" onSubmit={create} noValidate aria-labelledby="new-token-title">
        <h2 id="new-token-title">New token</h2>
        <AuthField id="token-name" label="Token name" hint="What will use it, such as “Zotero sync” or “nightly export”." maxLength={MAX_NAME_LENGTH} value={name} onChange={setName} error={nameError} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {created && <CopyOnce label={`Token “${created.name}”`} value={created.token} note="Copy this token now and keep it somewhere safe: it will not be shown again." />}
      <h2 className="account-list-title">Your tokens</h2>
      {tokens === null && !error && <p className="muted">Loading…</p>}
      {tokens?.length === 0 && <p className="empty">You have no access tokens.</p>}
      {tokens && tokens.length > 0 && (
        <ul className="doc-list" aria-label="Your access tokens">
          {tokens.map((token) => (
            <li key={token.id} className="doc-row">
              <div className="doc-main">
                <span className="account-item-name">{token.name}</span>
                <span className="doc-meta">
                  Created {formatDate(token.createdAt)} · {token.lastUsedAt ? `last used ${formatDate(token.lastUsedAt)}` : 'never used'}
                </span>
              </div>
              <div className="doc-actions">
                <button type="button" className="danger" onClick={() => void revoke(token)} aria-label={`Revoke the token ${token.name}`}>
                  Revoke
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </AccountPage>
  )
}
