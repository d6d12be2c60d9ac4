import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { ActionMessages } from './ActionMessages.js'
import type { InvitationInfo, NewInvitationResponse, SetupInfo } from '../../shared/authApiTypes.js'
import { request } from '../api.js'
import { accessApi, formatDate } from './accessApi.js'
import { useAccount } from './AccountContext.js'
import { AccountPage } from './AccountPage.js'
import { AuthField } from './AuthField.js'
import { CopyOnce } from './CopyOnce.js'

function invitationState(invitation: InvitationInfo): string {
  if (invitation.usedAt) return `used ${formatDate(invitation.usedAt)}`
  if (new Date(invitation.expiresAt).getTime() < Date.now()) return `expired ${formatDate(invitation.expiresAt)}`
  return `open until ${formatDate(invitation.expiresAt)}`
}

/** `/account/invitations` (admins): links that let one person create an account when sign-up is not open. */
export function InvitationsPage() {
  const { state } = useAccount()
  const isAdmin = state.kind === 'signedIn' && state.user.isAdmin
  const [invitations, setInvitations] = useState<InvitationInfo[] | null>(null)
  const [signupOpen, setSignupOpen] = useState(false)
  const [email, setEmail] = useState('')
  const [created, setCreated] = useState<NewInvitationResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => {
    accessApi.listInvitations().then(setInvitations, (caught: Error) => setError(caught.message))
  }, [])
  useEffect(() => {
    document.title = 'Invitations · Caucus'
    if (!isAdmin) return
    reload()
    request<SetupInfo>('/api/auth/setup').then((setup) => setSignupOpen(setup.signupOpen), () => {})
  }, [reload, isAdmin])

  if (!isAdmin) {
    return (
      <AccountPage title="Invitations">
        <p>Only an admin of this Caucus server can invite people. Ask your admin for an invitation link.</p>
      </AccountPage>
    )
  }

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const invitation = await accessApi.createInvitation(email.trim() || null)
      setCreated(invitation)
      setEmail('')
      setError(null)
      setNotice('Invitation link created. Copy it now: it will not be shown again.')
      reload()
    } catch (caught) {
      setError((caught as Error).message)
    }
    setBusy(false)
  }

  const withdraw = async (invitation: InvitationInfo) => {
    try {
      await accessApi.withdrawInvitation(invitation.id)
      if (created?.id === invitation.id) setCreated(null)
      setError(null)
      setNotice('Invitation withdrawn: its link no longer works.')
    } catch (caught) {
      setError((caught as Error).message)
    }
    reload()
  }

  return (
    <AccountPage title="Invitations">
      <p className="account-intro">
        {signupOpen
          ? 'Sign-up is open on this server (CAUCUS_SIGNUP=open): anyone who reaches it can create an account. An invitation link is still a simple way to bring someone in.'
          : 'Sign-up on this server needs an invitation. An invitation link lets one person create an account, within 7 days.'}
      </p>
      <ActionMessages error={error} notice={notice} />
      <form className="account-panel" onSubmit={create} noValidate aria-labelledby="new-invitation-title">
        <h2 id="new-invitation-title">New invitation</h2>
        <AuthField
          id="invitation-email"
          label="Email (optional)"
          type="email"
          autoComplete="off"
          hint="Give an address to let only that person use the link; leave it empty for anyone you send it to."
          value={email}
          onChange={setEmail}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create invitation link'}
        </button>
      </form>
      {created && (
        <CopyOnce
          label={created.email ? `Invitation link for ${created.email}` : 'Invitation link'}
          value={created.url}
          note="Copy it now and send it to the person you invite: it will not be shown again. It works once."
        />
      )}
      <h2 className="account-list-title">Invitations</h2>
      {invitations === null && !error && <p className="muted">Loading…</p>}
      {invitations?.length === 0 && <p className="empty">No invitations yet.</p>}
      {invitations && invitations.length > 0 && (
        <ul className="doc-list" aria-label="Invitations">
          {invitations.map((invitation) => {
            const who = invitation.email ?? 'Anyone with the link'
            return (
              <li key={invitation.id} className="doc-row">
                <div className="doc-main">
                  <span className="account-item-name">{who}</span>
                  <span className="doc-meta">
                    Created {formatDate(invitation.createdAt)} · {invitationState(invitation)}
                  </span>
                </div>
                {!invitation.usedAt && (
                  <div className="doc-actions">
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void withdraw(invitation)}
                      aria-label={`Revoke the invitation for ${who.toLowerCase()}, created ${formatDate(invitation.createdAt)}`}
                    >
                      Revoke
                    </button>
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </AccountPage>
  )
}
