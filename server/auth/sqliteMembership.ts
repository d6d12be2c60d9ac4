import type Database from 'better-sqlite3'
import type { DocumentRecord } from '../storage/Storage.js'
import type { DocumentListPage, ListCursor, MemberChange, MemberRecord, ShareLinkRecord } from './AccountStore.js'
import { higherRole, type LinkRole, type Role } from './roles.js'

interface DocumentRoleRow {
  id: string
  title: string
  created_at: number
  updated_at: number
  deleted_at: number | null
  role: Role
}

const toDocument = (row: DocumentRoleRow): DocumentRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
})

interface LinkRow {
  id: string
  doc_id: string
  role: LinkRole
  created_by: string
  created_at: number
}

const toLink = (row: LinkRow): ShareLinkRecord => ({ id: row.id, docId: row.doc_id, role: row.role, createdBy: row.created_by, createdAt: row.created_at })

/** Document members, share links and the per-person documents list, on the SQLite file (see SqliteAccountStore). */
export function sqliteMembershipQueries(db: Database.Database) {
  const s = {
    role: db.prepare<[string, string], { role: Role }>('SELECT role FROM doc_members WHERE doc_id = ? AND user_id = ?'),
    member: db.prepare<[string, string], { role: Role; via_link: string | null }>('SELECT role, via_link FROM doc_members WHERE doc_id = ? AND user_id = ?'),
    members: db.prepare<[string], { doc_id: string; user_id: string; email: string; name: string; role: Role; via_link: string | null; created_at: number }>(
      `SELECT m.doc_id, m.user_id, u.email, u.name, m.role, m.via_link, m.created_at
       FROM doc_members m JOIN users u ON u.id = m.user_id WHERE m.doc_id = ?
       ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, u.name, u.id`,
    ),
    owners: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM doc_members WHERE doc_id = ? AND role = 'owner'`),
    insertMember: db.prepare('INSERT INTO doc_members (doc_id, user_id, role, via_link, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    updateRole: db.prepare('UPDATE doc_members SET role = ?, via_link = NULL WHERE doc_id = ? AND user_id = ?'),
    deleteMember: db.prepare('DELETE FROM doc_members WHERE doc_id = ? AND user_id = ?'),
    insertLink: db.prepare('INSERT INTO share_links (id, secret_hash, doc_id, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    links: db.prepare<[string], LinkRow>('SELECT id, doc_id, role, created_by, created_at FROM share_links WHERE doc_id = ? ORDER BY created_at, id'),
    linkByHash: db.prepare<[string], LinkRow>('SELECT id, doc_id, role, created_by, created_at FROM share_links WHERE secret_hash = ?'),
    linkUsers: db.prepare<[string], { user_id: string }>('SELECT user_id FROM doc_members WHERE via_link = ?'),
    deleteLink: db.prepare('DELETE FROM share_links WHERE doc_id = ? AND id = ?'),
    liveFirst: db.prepare<[string, number], DocumentRoleRow>(
      `SELECT d.*, m.role FROM doc_members m JOIN documents d ON d.id = m.doc_id
       WHERE m.user_id = ? AND d.deleted_at IS NULL ORDER BY d.updated_at DESC, d.id DESC LIMIT ?`,
    ),
    liveAfter: db.prepare<[string, number, number, string, number], DocumentRoleRow>(
      `SELECT d.*, m.role FROM doc_members m JOIN documents d ON d.id = m.doc_id
       WHERE m.user_id = ? AND d.deleted_at IS NULL AND (d.updated_at < ? OR (d.updated_at = ? AND d.id < ?))
       ORDER BY d.updated_at DESC, d.id DESC LIMIT ?`,
    ),
    // The trash is the owners' business only.
    trashFirst: db.prepare<[string, number], DocumentRoleRow>(
      `SELECT d.*, m.role FROM doc_members m JOIN documents d ON d.id = m.doc_id
       WHERE m.user_id = ? AND m.role = 'owner' AND d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?`,
    ),
    trashAfter: db.prepare<[string, number, number, string, number], DocumentRoleRow>(
      `SELECT d.*, m.role FROM doc_members m JOIN documents d ON d.id = m.doc_id
       WHERE m.user_id = ? AND m.role = 'owner' AND d.deleted_at IS NOT NULL AND (d.deleted_at < ? OR (d.deleted_at = ? AND d.id < ?))
       ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?`,
    ),
  }

  /** Refuses a change that would leave the document without an owner. */
  const keepsAnOwner = (docId: string, userId: string, newRole: Role | null): MemberChange => {
    const current = s.role.get(docId, userId)
    if (!current) return 'not_member'
    if (current.role === 'owner' && newRole !== 'owner' && s.owners.get(docId)!.n <= 1) return 'last_owner'
    return 'ok'
  }

  const setMemberRole = db.transaction((docId: string, userId: string, role: Role): MemberChange => {
    const verdict = keepsAnOwner(docId, userId, role)
    if (verdict === 'ok') s.updateRole.run(role, docId, userId)
    return verdict
  })
  const removeMember = db.transaction((docId: string, userId: string): MemberChange => {
    const verdict = keepsAnOwner(docId, userId, null)
    if (verdict === 'ok') s.deleteMember.run(docId, userId)
    return verdict
  })
  const deleteShareLink = db.transaction((docId: string, linkId: string) => {
    const usersAffected = s.linkUsers.all(linkId).map((row) => row.user_id)
    // Memberships granted by the link go with it (ON DELETE CASCADE).
    const deleted = s.deleteLink.run(docId, linkId).changes > 0
    return { deleted, usersAffected: deleted ? usersAffected : [] }
  })
  const acceptShareLink = db.transaction(
    (link: ShareLinkRecord, userId: string, now: number): Role => {
      const current = s.member.get(link.docId, userId)
      if (!current) {
        s.insertMember.run(link.docId, userId, link.role, link.id, now)
        return link.role
      }
      const role = higherRole(current.role, link.role)
      if (role !== current.role) s.updateRole.run(role, link.docId, userId)
      return role
    },
  )

  return {
    roleOf: (docId: string, userId: string): Role | undefined => s.role.get(docId, userId)?.role,
    listMembers: (docId: string): MemberRecord[] =>
      s.members.all(docId).map((row) => ({
        docId: row.doc_id,
        userId: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role,
        viaLink: row.via_link,
        createdAt: row.created_at,
      })),
    addMember: (docId: string, userId: string, role: Role, now: number): boolean => s.insertMember.run(docId, userId, role, null, now).changes > 0,
    setMemberRole: (docId: string, userId: string, role: Role): MemberChange => setMemberRole(docId, userId, role),
    removeMember: (docId: string, userId: string): MemberChange => removeMember(docId, userId),
    createShareLink: (link: ShareLinkRecord & { secretHash: string }): void => {
      s.insertLink.run(link.id, link.secretHash, link.docId, link.role, link.createdBy, link.createdAt)
    },
    listShareLinks: (docId: string): ShareLinkRecord[] => s.links.all(docId).map(toLink),
    findShareLink: (secretHash: string): ShareLinkRecord | undefined => {
      const row = s.linkByHash.get(secretHash)
      return row && toLink(row)
    },
    deleteShareLink: (docId: string, linkId: string) => deleteShareLink(docId, linkId),
    acceptShareLink: (link: ShareLinkRecord, userId: string, now: number): Role => acceptShareLink(link, userId, now),
    listDocumentsFor: (userId: string, { trashed, limit, after }: { trashed: boolean; limit: number; after: ListCursor | null }): DocumentListPage => {
      // One more than asked: whether it exists says whether there is a next page.
      const rows = trashed
        ? after
          ? s.trashAfter.all(userId, after.at, after.at, after.id, limit + 1)
          : s.trashFirst.all(userId, limit + 1)
        : after
          ? s.liveAfter.all(userId, after.at, after.at, after.id, limit + 1)
          : s.liveFirst.all(userId, limit + 1)
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      const next = rows.length > limit && last ? { at: trashed ? last.deleted_at! : last.updated_at, id: last.id } : null
      return { items: page.map((row) => ({ record: toDocument(row), role: row.role })), next }
    },
  }
}
