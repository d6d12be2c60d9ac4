import type pg from 'pg'
import { inTransaction, num, numOrNull } from '../storage/pgTransaction.js'
import {
  emailKey,
  type AccountStore,
  type DocumentListPage,
  type InvitationRecord,
  type ListCursor,
  type MemberChange,
  type MemberRecord,
  type NewAccountOutcome,
  type SessionRecord,
  type ShareLinkRecord,
  type TokenRecord,
  type UserRecord,
} from './AccountStore.js'
import { postgresMembershipQueries } from './postgresMembership.js'
import type { Credential } from './principal.js'
import type { Role } from './roles.js'

interface UserRow {
  id: string
  email: string
  name: string
  password_hash: string
  is_admin: number
  created_at: string
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  isAdmin: row.is_admin === 1,
  createdAt: num(row.created_at),
})

interface TokenRow {
  id: string
  user_id: string
  name: string
  created_at: string
  last_used_at: string | null
}

const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: num(row.created_at),
  lastUsedAt: numOrNull(row.last_used_at),
})

/** How often a token's "last used" time is written (it is shown to its owner, not used for decisions). */
const TOKEN_TOUCH_INTERVAL_MS = 60_000

/**
 * Account creation takes this lock (any fixed number, distinct from the migration lock): "the first account is
 * the admin" and "an invitation is used once" are checks then writes, which concurrent sign-ups, from this
 * process or another, must not interleave.
 */
const ACCOUNTS_LOCK = 716_254_002

/**
 * Accounts in the documents' PostgreSQL database (tables from `storage/postgresMigrations.ts`): the same rules
 * as SqliteAccountStore, with the check-then-write calls in transactions under advisory locks, since here
 * requests (and processes) really do run at once.
 */
export class PostgresAccountStore implements AccountStore {
  private readonly membership

  constructor(private readonly pool: pg.Pool) {
    this.membership = postgresMembershipQueries(pool)
  }

  async countUsers(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM users')).rows[0]!.n
  }

  async createAccount({ user, signupOpen, invitationHash }: Parameters<AccountStore['createAccount']>[0]): Promise<NewAccountOutcome> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK])
      const key = emailKey(user.email)
      if ((await client.query('SELECT 1 FROM users WHERE email_key = $1', [key])).rowCount) return { ok: false, reason: 'email_taken' }
      const first = (await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM users')).rows[0]!.n === 0
      let invitationId: string | null = null
      if (!first && invitationHash !== null) {
        const invitation = (
          await client.query<{ id: string; email_key: string | null }>(
            'SELECT id, email_key FROM invitations WHERE secret_hash = $1 AND used_at IS NULL AND expires_at > $2',
            [invitationHash, user.createdAt],
          )
        ).rows[0]
        if (!invitation || (invitation.email_key !== null && invitation.email_key !== key)) return { ok: false, reason: 'invitation_invalid' }
        invitationId = invitation.id
      } else if (!first && !signupOpen) {
        return { ok: false, reason: 'invitation_required' }
      }
      await client.query(
        'INSERT INTO users (id, email, email_key, name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [user.id, user.email.trim(), key, user.name, user.passwordHash, first ? 1 : 0, user.createdAt],
      )
      if (invitationId) await client.query('UPDATE invitations SET used_at = $1, used_by = $2 WHERE id = $3', [user.createdAt, user.id, invitationId])
      // Documents written before accounts existed belong to the first account.
      if (first) {
        await client.query(
          `INSERT INTO doc_members (doc_id, user_id, role, created_at)
           SELECT id, $1, 'owner', $2 FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_members WHERE role = 'owner')
           ON CONFLICT (doc_id, user_id) DO UPDATE SET role = 'owner', via_link = NULL`,
          [user.id, user.createdAt],
        )
      }
      return { ok: true, user: { ...user, email: user.email.trim(), isAdmin: first }, first }
    })
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = (await this.pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0]
    return row && toUser(row)
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = (await this.pool.query<UserRow>('SELECT * FROM users WHERE email_key = $1', [emailKey(email)])).rows[0]
    return row && toUser(row)
  }

  async createSession(session: SessionRecord & { secretHash: string }): Promise<void> {
    // Expired sessions are cleared as new ones are made, so the table does not grow for ever.
    await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [session.createdAt])
    await this.pool.query('INSERT INTO sessions (id, secret_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      session.id,
      session.secretHash,
      session.userId,
      session.createdAt,
      session.expiresAt,
    ])
  }

  async findSession(secretHash: string, now: number): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const row = (
      await this.pool.query<UserRow & { session_id: string; session_created_at: string; expires_at: string }>(
        `SELECT u.*, s.id AS session_id, s.created_at AS session_created_at, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.secret_hash = $1 AND s.expires_at > $2`,
        [secretHash, now],
      )
    ).rows[0]
    if (!row) return undefined
    const session = { id: row.session_id, userId: row.id, createdAt: num(row.session_created_at), expiresAt: num(row.expires_at) }
    return { session, user: toUser(row) }
  }

  async deleteSession(id: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id = $1', [id])
  }

  async isCredentialActive(credential: Credential, now: number): Promise<boolean> {
    const result =
      credential.kind === 'session'
        ? await this.pool.query('SELECT 1 FROM sessions WHERE id = $1 AND expires_at > $2', [credential.id, now])
        : await this.pool.query('SELECT 1 FROM access_tokens WHERE id = $1', [credential.id])
    return (result.rowCount ?? 0) > 0
  }

  async createToken(token: TokenRecord & { secretHash: string }): Promise<void> {
    await this.pool.query('INSERT INTO access_tokens (id, secret_hash, user_id, name, created_at) VALUES ($1, $2, $3, $4, $5)', [
      token.id,
      token.secretHash,
      token.userId,
      token.name,
      token.createdAt,
    ])
  }

  async findToken(secretHash: string, now: number): Promise<{ token: TokenRecord; user: UserRecord } | undefined> {
    const row = (
      await this.pool.query<TokenRow>('SELECT id, user_id, name, created_at, last_used_at FROM access_tokens WHERE secret_hash = $1', [secretHash])
    ).rows[0]
    const user = row && (await this.getUser(row.user_id))
    if (!row || !user) return undefined
    if (now - num(row.last_used_at ?? 0) > TOKEN_TOUCH_INTERVAL_MS) {
      await this.pool.query('UPDATE access_tokens SET last_used_at = $1 WHERE id = $2', [now, row.id])
      row.last_used_at = String(now)
    }
    return { token: toToken(row), user }
  }

  async listTokens(userId: string): Promise<TokenRecord[]> {
    const sql = 'SELECT id, user_id, name, created_at, last_used_at FROM access_tokens WHERE user_id = $1 ORDER BY created_at, id COLLATE "C"'
    return (await this.pool.query<TokenRow>(sql, [userId])).rows.map(toToken)
  }

  async deleteToken(userId: string, id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM access_tokens WHERE user_id = $1 AND id = $2', [userId, id])).rowCount ?? 0) > 0
  }

  async createInvitation(invitation: InvitationRecord & { secretHash: string }): Promise<void> {
    const { id, secretHash, createdBy, email, createdAt, expiresAt } = invitation
    await this.pool.query(
      'INSERT INTO invitations (id, secret_hash, created_by, email_key, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, secretHash, createdBy, email === null ? null : emailKey(email), createdAt, expiresAt],
    )
  }

  async listInvitations(): Promise<InvitationRecord[]> {
    const rows = (
      await this.pool.query<{ id: string; created_by: string; email_key: string | null; created_at: string; expires_at: string; used_at: string | null }>(
        'SELECT id, created_by, email_key, created_at, expires_at, used_at FROM invitations ORDER BY created_at DESC, id COLLATE "C"',
      )
    ).rows
    return rows.map((row) => ({
      id: row.id,
      createdBy: row.created_by,
      email: row.email_key,
      createdAt: num(row.created_at),
      expiresAt: num(row.expires_at),
      usedAt: numOrNull(row.used_at),
    }))
  }

  async deleteInvitation(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM invitations WHERE id = $1', [id])).rowCount ?? 0) > 0
  }

  roleOf(docId: string, userId: string): Promise<Role | undefined> {
    return this.membership.roleOf(docId, userId)
  }

  listMembers(docId: string): Promise<MemberRecord[]> {
    return this.membership.listMembers(docId)
  }

  addMember(docId: string, userId: string, role: Role, now: number): Promise<boolean> {
    return this.membership.addMember(docId, userId, role, now)
  }

  setMemberRole(docId: string, userId: string, role: Role): Promise<MemberChange> {
    return this.membership.setMemberRole(docId, userId, role)
  }

  removeMember(docId: string, userId: string): Promise<MemberChange> {
    return this.membership.removeMember(docId, userId)
  }

  createShareLink(link: ShareLinkRecord & { secretHash: string }): Promise<void> {
    return this.membership.createShareLink(link)
  }

  listShareLinks(docId: string): Promise<ShareLinkRecord[]> {
    return this.membership.listShareLinks(docId)
  }

  findShareLink(secretHash: string): Promise<ShareLinkRecord | undefined> {
    return this.membership.findShareLink(secretHash)
  }

  deleteShareLink(docId: string, linkId: string): Promise<{ deleted: boolean; usersAffected: string[] }> {
    return this.membership.deleteShareLink(docId, linkId)
  }

  acceptShareLink(link: ShareLinkRecord, userId: string, now: number): Promise<Role> {
    return this.membership.acceptShareLink(link, userId, now)
  }

  listDocumentsFor(userId: string, options: { trashed: boolean; limit: number; after: ListCursor | null }): Promise<DocumentListPage> {
    return this.membership.listDocumentsFor(userId, options)
  }
}
