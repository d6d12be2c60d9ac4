import { useState } from 'react'
import type { LinkInfo, MemberInfo, NewLinkResponse } from '../../shared/authApiTypes.js'
import { accessApi, formatDate } from '../account/accessApi.js'
import { CopyOnce } from '../account/CopyOnce.js'

interface Props {
  docId: string
  links: LinkInfo[] | null
  members: MemberInfo[] | null
  run: (action: () => Promise<unknown>, notice: string) => Promise<boolean>
}

const grants = (role: LinkInfo['role']) => (role === 'editor' ? 'Edit link' : 'View link')

/** Share links: the live ones with Revoke, and a new view or edit link, whose address is shown this once. */
export function LinksSection({ docId, links, members, run }: Props) {
  const [role, setRole] = useState<LinkInfo['role']>('viewer')
  const [created, setCreated] = useState<NewLinkResponse | null>(null)
  const [busy, setBusy] = useState(false)
  const nameOf = (userId: string) => members?.find((member) => member.userId === userId)?.name

  const create = async () => {
    setBusy(true)
    const made = { link: null as NewLinkResponse | null }
    await run(async () => (made.link = await accessApi.createLink(docId, role)), `${grants(role)} created. Copy it now: it is shown only once.`)
    setCreated(made.link)
    setBusy(false)
  }

  const revoke = (link: LinkInfo) => {
    if (created?.id === link.id) setCreated(null)
    void run(() => accessApi.revokeLink(docId, link.id), `${grants(link.role)} revoked.`)
  }

  return (
    <section className="share-section" aria-labelledby="share-links-title">
      <h3 id="share-links-title">Share links</h3>
      <p className="muted share-hint">
        Whoever opens a link and signs in joins the statement with its role. Revoking a link removes everyone who joined through it.
      </p>
      {links && links.length > 0 && (
        <ul className="share-list" aria-label="Share links">
          {links.map((link) => {
            const by = nameOf(link.createdBy)
            const description = `${grants(link.role)} created ${formatDate(link.createdAt)}`
            return (
              <li key={link.id} className="share-row">
                <div className="share-who">
                  <span className="share-name">{grants(link.role)}</span>
                  <span className="share-meta">
                    Created {formatDate(link.createdAt)}
                    {by && ` by ${by}`}
                  </span>
                </div>
                <button type="button" className="danger" onClick={() => revoke(link)} aria-label={`Revoke the ${description.toLowerCase()}`}>
                  Revoke
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {links?.length === 0 && <p className="muted">No share links.</p>}
      {created && (
        <CopyOnce
          label={`New ${grants(created.role).toLowerCase()}`}
          value={created.url}
          note="Copy it now and send it to the people who should join: it will not be shown again."
        />
      )}
      <div className="share-add">
        <div className="field">
          <label htmlFor="share-link-role">New link grants</label>
          <select id="share-link-role" value={role} onChange={(event) => setRole(event.target.value as LinkInfo['role'])}>
            <option value="viewer">View (viewer)</option>
            <option value="editor">Edit (editor)</option>
          </select>
        </div>
        <button type="button" onClick={() => void create()} disabled={busy}>
          Create link
        </button>
      </div>
    </section>
  )
}
