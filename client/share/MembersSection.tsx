import { useState, type FormEvent } from 'react'
import type { DocumentRole } from '../../shared/apiTypes.js'
import type { MemberInfo } from '../../shared/authApiTypes.js'
import { accessApi } from '../account/accessApi.js'
import { navigate } from '../routing.js'
import { ROLE_OPTIONS, roleLabel } from './roleNames.js'

interface Props {
  docId: string
  members: MemberInfo[] | null
  selfId: string
  run: (action: () => Promise<unknown>, notice: string) => Promise<boolean>
  onOwnRoleChanged: () => void
}

/** The members with a role select and Remove each, and the form that adds someone by email. */
export function MembersSection({ docId, members, selfId, run, onOwnRoleChanged }: Props) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<DocumentRole>('editor')
  const [busy, setBusy] = useState(false)

  const add = async (event: FormEvent) => {
    event.preventDefault()
    const address = email.trim()
    if (!address) return
    setBusy(true)
    if (await run(() => accessApi.addMember(docId, address, role), `${address} added as ${roleLabel(role).toLowerCase()}.`)) setEmail('')
    setBusy(false)
  }

  const changeRole = async (member: MemberInfo, next: DocumentRole) => {
    // An owner who lowers their own role cannot undo it (a closed select also changes on arrow keys): asked
    // first. The only owner is not asked: the server refuses, and the dialog says why.
    const otherOwners = members?.some((other) => other.role === 'owner' && other.userId !== selfId) ?? false
    if (member.userId === selfId && member.role === 'owner' && next !== 'owner' && otherOwners) {
      if (!window.confirm(`Make yourself ${next === 'editor' ? 'an editor' : 'a viewer'}? You will no longer be able to share this statement.`)) return
    }
    const changed = await run(() => accessApi.setMemberRole(docId, member.userId, next), `${member.name} is now ${roleLabel(next).toLowerCase()}.`)
    if (changed && member.userId === selfId) onOwnRoleChanged()
  }

  const remove = async (member: MemberInfo) => {
    const self = member.userId === selfId
    const removed = await run(() => accessApi.removeMember(docId, member.userId), self ? 'You left the statement.' : `${member.name} removed.`)
    // Leaving: this page is no longer theirs to show.
    if (removed && self) navigate('/')
  }

  return (
    <section className="share-section" aria-labelledby="share-members-title">
      <h3 id="share-members-title">People with access</h3>
      {members === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul className="share-list" aria-label="Members">
          {members.map((member) => {
            const self = member.userId === selfId
            return (
              <li key={member.userId} className="share-row">
                <div className="share-who">
                  <span className="share-name">
                    {member.name}
                    {self && <span className="muted"> (you)</span>}
                  </span>
                  <span className="share-email">{member.email}</span>
                  {member.viaLink && <span className="share-meta">Joined through a share link</span>}
                </div>
                <div className="share-controls">
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    onChange={(event) => void changeRole(member, event.target.value as DocumentRole)}
                  >
                    {ROLE_OPTIONS.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                  <button type="button" onClick={() => void remove(member)} aria-label={self ? 'Leave this statement' : `Remove ${member.name}`}>
                    {self ? 'Leave' : 'Remove'}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <form className="share-add" onSubmit={add} aria-labelledby="share-add-title">
        <h4 id="share-add-title" className="visually-hidden">
          Add a person
        </h4>
        <div className="field share-add-email">
          <label htmlFor="share-email">Add someone by email</label>
          <input id="share-email" type="email" autoComplete="off" placeholder="name@example.org" value={email} onChange={(event) => setEmail(event.target.value)} data-autofocus />
        </div>
        <div className="field">
          <label htmlFor="share-role">Role</label>
          <select id="share-role" value={role} onChange={(event) => setRole(event.target.value as DocumentRole)}>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy || !email.trim()}>
          Add
        </button>
      </form>
    </section>
  )
}
