import type pg from 'pg'
import { inTransaction, num, numOrNull } from '../storage/pgTransaction.js'
import type { DocumentRecord } from '../storage/Storage.js'
import type { DocumentListPage, ListCursor, MemberChange, MemberRecord, ShareLinkRecord } from './AccountStore.js'
import { higherRole, type LinkRole, type Role } from './roles.js'

interface DocumentRoleRow {
  id: string
  title: string
  created_at: string
  updated_at: string
  deleted_at: string | null
  role: Role
}

const toDocument = (row: DocumentRoleRow): DocumentRecord => ({
  id: row.id,
  title: row.title,
  createdAt: num(row.created_at),
  updatedAt: num(row.updated_at),
  deletedAt: numOrNull(row.deleted_at),
})

interface LinkRow {
  id: string
  doc_id: string
  role: LinkRole
  created_by: string
  created_at: string
}

const toLink = (row: LinkRow): ShareLinkRecord => ({ id: row.id, docId: row.doc_id, role: row.role, createdBy: row.created_by, createdAt: num(row.created_at) })

/**
 * Membership changes of one document take this lock (the two-key form, so it never collides with the storage's
 * one-key lock on the same document's log): two owners demoting each other at once cannot leave it ownerless.
 */
const lockMembers = (client: pg.PoolClient, docId: string) => client.query('SELECT pg_advisory_xact_lock(2, hashtext($1))', [docId])

const LINK_COLUMNS = 'id, doc_id, role, created_by, created_at'

/** Document members, share links and the per-person documents list, on PostgreSQL (see PostgresAccountStore). */
export function postgresMembershipQueries(pool: pg.Pool) {
  /** Refuses a change that would leave the document without an owner. */
  const keepsAnOwner = async (client: pg.PoolClient, docId: string, userId: string, newRole: Role | null): Promise<MemberChange> => {
    const current = (await client.query<{ role: Role }>('SELECT role FROM doc_members WHERE doc_id = $1 AND user_id = $2', [docId, userId])).rows[0]
    if (!current) return 'not_member'
    if (current.role === 'owner' && newRole !== 'owner') {
      const owners = (await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM doc_members WHERE doc_id = $1 AND role = 'owner'`, [docId])).rows[0]!
      if (owners.n <= 1) return 'last_owner'
    }
    return 'ok'
  }

  const documentsPage = async (userId: string, trashed: boolean, limit: number, after: ListCursor | null) => {
    // The trash is the owners' business only. One more row than asked says whether there is a next page.
    const at = trashed ? 'd.deleted_at' : 'd.updated_at'
    const where = trashed ? `m.role = 'owner' AND d.deleted_at IS NOT NULL` : 'd.deleted_at IS NULL'
    const values: unknown[] = [userId, limit + 1]
    const continues = after ? `AND (${at} < $3 OR (${at} = $3 AND d.id < $4))` : ''
    if (after) values.push(after.at, after.id)
    const sql = `SELECT d.*, m.role FROM doc_members m JOIN documents d ON d.id = m.doc_id
      WHERE m.user_id = $1 AND ${where} ${continues} ORDER BY ${at} DESC, d.id DESC LIMIT $2`
    return (await pool.query<DocumentRoleRow>(sql, values)).rows
  }

  return {
    roleOf: async (docId: string, userId: string): Promise<Role | undefined> =>
      (await pool.query<{ role: Role }>('SELECT role FROM doc_members WHERE doc_id = $1 AND user_id = $2', [docId, userId])).rows[0]?.role,
    listMembers: async (docId: string): Promise<MemberRecord[]> => {
      const rows = (
        await pool.query<{ doc_id: string; user_id: string; email: string; name: string; role: Role; via_link: string | null; created_at: string }>(
          `SELECT m.doc_id, m.user_id, u.email, u.name, m.role, m.via_link, m.created_at
           FROM doc_members m JOIN users u ON u.id = m.user_id WHERE m.doc_id = $1
           ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, u.name COLLATE "C", u.id COLLATE "C"`,
          [docId],
        )
      ).rows
      return rows.map((row) => ({
        docId: row.doc_id,
        userId: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role,
        viaLink: row.via_link,
        createdAt: num(row.created_at),
      }))
    },
    addMember: async (docId: string, userId: string, role: Role, now: number): Promise<boolean> => {
      const result = await pool.query(
        'INSERT INTO doc_members (doc_id, user_id, role, via_link, created_at) VALUES ($1, $2, $3, NULL, $4) ON CONFLICT DO NOTHING',
        [docId, userId, role, now],
      )
      return (result.rowCount ?? 0) > 0
    },
    setMemberRole: (docId: string, userId: string, role: Role): Promise<MemberChange> =>
      inTransaction(pool, async (client) => {
        await lockMembers(client, docId)
        const verdict = await keepsAnOwner(client, docId, userId, role)
        if (verdict === 'ok') await client.query('UPDATE doc_members SET role = $1, via_link = NULL WHERE doc_id = $2 AND user_id = $3', [role, docId, userId])
        return verdict
      }),
    removeMember: (docId: string, userId: string): Promise<MemberChange> =>
      inTransaction(pool, async (client) => {
        await lockMembers(client, docId)
        const verdict = await keepsAnOwner(client, docId, userId, null)
        if (verdict === 'ok') await client.query('DELETE FROM doc_members WHERE doc_id = $1 AND user_id = $2', [docId, userId])
        return verdict
      }),
    createShareLink: async (link: ShareLinkRecord & { secretHash: string }): Promise<void> => {
      await pool.query('INSERT INTO share_links (id, secret_hash, doc_id, role, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        link.id,
        link.secretHash,
        link.docId,
        link.role,
        link.createdBy,
        link.createdAt,
      ])
    },
    listShareLinks: async (docId: string): Promise<ShareLinkRecord[]> =>
      (await pool.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM share_links WHERE doc_id = $1 ORDER BY created_at, id COLLATE "C"`, [docId])).rows.map(toLink),
    findShareLink: async (secretHash: string): Promise<ShareLinkRecord | undefined> => {
      const row = (await pool.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM share_links WHERE secret_hash = $1`, [secretHash])).rows[0]
      return row && toLink(row)
    },
    deleteShareLink: (docId: string, linkId: string): Promise<{ deleted: boolean; usersAffected: string[] }> =>
      inTransaction(pool, async (client) => {
        await lockMembers(client, docId)
        const usersAffected = (await client.query<{ user_id: string }>('SELECT user_id FROM doc_members WHERE via_link = $1', [linkId])).rows.map((r) => r.user_id)
        // Memberships granted by the link go with it (ON DELETE CASCADE).
        const deleted = ((await client.query('DELETE FROM share_links WHERE doc_id = $1 AND id = $2', [docId, linkId])).rowCount ?? 0) > 0
        return { deleted, usersAffected: deleted ? usersAffected : [] }
      }),
    acceptShareLink: (link: ShareLinkRecord, userId: string, now: number): Promise<Role> =>
      inTransaction(pool, async (client) => {
        await lockMembers(client, link.docId)
        const current = (
          await client.query<{ role: Role }>('SELECT role FROM doc_members WHERE doc_id = $1 AND user_id = $2', [link.docId, userId])
        ).rows[0]
        if (!current) {
          await client.query('INSERT INTO doc_members (doc_id, user_id, role, via_link, created_at) VALUES ($1, $2, $3, $4, $5)', [
            link.docId,
            userId,
            link.role,
            link.id,
            now,
          ])
          return link.role
        }
        const role = higherRole(current.role, link.role)
        if (role !== current.role) await client.query('UPDATE doc_members SET role = $1, via_link = NULL WHERE doc_id = $2 AND user_id = $3', [role, link.docId, userId])
        return role
      }),
    listDocumentsFor: async (
      userId: string,
      { trashed, limit, after }: { trashed: boolean; limit: number; after: ListCursor | null },
    ): Promise<DocumentListPage> => {
      const rows = await documentsPage(userId, trashed, limit, after)
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      const next = rows.length > limit && last ? { at: num(trashed ? last.deleted_at! : last.updated_at), id: last.id } : null
      return { items: page.map((row) => ({ record: toDocument(row), role: row.role })), next }
    },
  }
}
