import type Database from 'better-sqlite3'
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
import type { Credential } from './principal.js'
import type { Role } from './roles.js'
import { sqliteMembershipQueries } from './sqliteMembership.js'

interface UserRow {
  id: string
  email: string
  name: string
  password_hash: string
  is_admin: number
  created_at: number
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
})

const toToken = (row: { id: string; user_id: string; name: string; created_at: number; last_used_at: number | null }): TokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
})

/** How often a token's "last used" time is written (it is shown to its owner, not used for decisions). */
const TOKEN_TOUCH_INTERVAL_MS = 60_000

/**
 * Accounts in the documents' SQLite file (the tables are created by `storage/sqliteMigrations.ts`). Every call
 * is one synchronous better-sqlite3 statement or transaction, so the checks and writes of one call cannot
 * interleave with another request's.
 */
export class SqliteAccountStore implements AccountStore {
  private readonly s
  private readonly membership

  constructor(private readonly db: Database.Database) {
    this.s = {
      countUsers: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
      insertUser: db.prepare('INSERT INTO users (id, email, email_key, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email_key = ?'),
      claimOwnerless: db.prepare(
        `INSERT INTO doc_members (doc_id, user_id, role, created_at)
         SELECT id, ?, 'owner', ? FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_members WHERE role = 'owner')
         ON CONFLICT (doc_id, user_id) DO UPDATE SET role = 'owner', via_link = NULL`,
      ),
      usableInvitation: db.prepare<[string, number], { id: string; email_key: string | null }>(
        'SELECT id, email_key FROM invitations WHERE secret_hash = ? AND used_at IS NULL AND expires_at > ?',
      ),
      useInvitation: db.prepare('UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (id, secret_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      session: db.prepare<[string, number], { id: string; user_id: string; created_at: number; expires_at: number }>(
        'SELECT id, user_id, created_at, expires_at FROM sessions WHERE secret_hash = ? AND expires_at > ?',
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      sessionActive: db.prepare<[string, number], { id: string }>('SELECT id FROM sessions WHERE id = ? AND expires_at > ?'),
      tokenActive: db.prepare<[string], { id: string }>('SELECT id FROM access_tokens WHERE id = ?'),
      insertToken: db.prepare('INSERT INTO access_tokens (id, secret_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)'),
      token: db.prepare<[string], { id: string; user_id: string; name: string; created_at: number; last_used_at: number | null }>(
        'SELECT id, user_id, name, created_at, last_used_at FROM access_tokens WHERE secret_hash = ?',
      ),
      touchToken: db.prepare('UPDATE access_tokens SET last_used_at = ? WHERE id = ?'),
      tokensOf: db.prepare<[string], { id: string; user_id: string; name: string; created_at: number; last_used_at: number | null }>(
        'SELECT id, user_id, name, created_at, last_used_at FROM access_tokens WHERE user_id = ? ORDER BY created_at, id',
      ),
      deleteToken: db.prepare('DELETE FROM access_tokens WHERE user_id = ? AND id = ?'),
      insertInvitation: db.prepare('INSERT INTO invitations (id, secret_hash, created_by, email_key, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
      invitations: db.prepare<[], { id: string; created_by: string; email_key: string | null; created_at: number; expires_at: number; used_at: number | null }>(
        'SELECT id, created_by, email_key, created_at, expires_at, used_at FROM invitations ORDER BY created_at DESC, id',
      ),
      deleteInvitation: db.prepare('DELETE FROM invitations WHERE id = ?'),
    }
    this.membership = sqliteMembershipQueries(db)
    this.createAccountTx = db.transaction(this.createAccountNow.bind(this))
  }

  private readonly createAccountTx: (input: Parameters<AccountStore['createAccount']>[0]) => NewAccountOutcome

  async countUsers(): Promise<number> {
    return this.s.countUsers.get()!.n
  }

  async createAccount(input: Parameters<AccountStore['createAccount']>[0]): Promise<NewAccountOutcome> {
    return this.createAccountTx(input)
  }

  private createAccountNow({ user, signupOpen, invitationHash }: Parameters<AccountStore['createAccount']>[0]): NewAccountOutcome {
    const key = emailKey(user.email)
    if (this.s.userByEmail.get(key)) return { ok: false, reason: 'email_taken' }
    const first = this.s.countUsers.get()!.n === 0
    let invitationId: string | null = null
    if (!first && invitationHash !== null) {
      const invitation = this.s.usableInvitation.get(invitationHash, user.createdAt)
      if (!invitation || (invitation.email_key !== null && invitation.email_key !== key)) return { ok: false, reason: 'invitation_invalid' }
      invitationId = invitation.id
    } else if (!first && !signupOpen) {
      return { ok: false, reason: 'invitation_required' }
    }
    this.s.insertUser.run(user.id, user.email.trim(), key, user.name, user.passwordHash, first ? 1 : 0, user.createdAt)
    if (invitationId) this.s.useInvitation.run(user.createdAt, user.id, invitationId)
    // Documents written before accounts existed belong to the first account.
    if (first) this.s.claimOwnerless.run(user.id, user.createdAt)
    return { ok: true, user: { ...user, email: user.email.trim(), isAdmin: first }, first }
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = this.s.userById.get(id)
    return row && toUser(row)
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = this.s.userByEmail.get(emailKey(email))
    return row && toUser(row)
  }

  async createSession(session: SessionRecord & { secretHash: string }): Promise<void> {
    // Expired sessions are cleared as new ones are made, so the table does not grow for ever.
    this.s.deleteExpiredSessions.run(session.createdAt)
    this.s.insertSession.run(session.id, session.secretHash, session.userId, session.createdAt, session.expiresAt)
  }

  async findSession(secretHash: string, now: number): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const row = this.s.session.get(secretHash, now)
    const user = row && this.s.userById.get(row.user_id)
    if (!row || !user) return undefined
    return { session: { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }, user: toUser(user) }
  }

  async deleteSession(id: string): Promise<void> {
    this.s.deleteSession.run(id)
  }

  async isCredentialActive(credential: Credential, now: number): Promise<boolean> {
    const row = credential.kind === 'session' ? this.s.sessionActive.get(credential.id, now) : this.s.tokenActive.get(credential.id)
    return row !== undefined
  }

  async createToken(token: TokenRecord & { secretHash: string }): Promise<void> {
    this.s.insertToken.run(token.id, token.secretHash, token.userId, token.name, token.createdAt)
  }

  async findToken(secretHash: string, now: number): Promise<{ token: TokenRecord; user: UserRecord } | undefined> {
    const row = this.s.token.get(secretHash)
    const user = row && this.s.userById.get(row.user_id)
    if (!row || !user) return undefined
    if (now - (row.last_used_at ?? 0) > TOKEN_TOUCH_INTERVAL_MS) {
      this.s.touchToken.run(now, row.id)
      row.last_used_at = now
    }
    return { token: toToken(row), user: toUser(user) }
  }

  async listTokens(userId: string): Promise<TokenRecord[]> {
    return this.s.tokensOf.all(userId).map(toToken)
  }

  async deleteToken(userId: string, id: string): Promise<boolean> {
    return this.s.deleteToken.run(userId, id).changes > 0
  }

  async createInvitation(invitation: InvitationRecord & { secretHash: string }): Promise<void> {
    const { id, secretHash, createdBy, email, createdAt, expiresAt } = invitation
    this.s.insertInvitation.run(id, secretHash, createdBy, email === null ? null : emailKey(email), createdAt, expiresAt)
  }

  async listInvitations(): Promise<InvitationRecord[]> {
    return this.s.invitations.all().map((row) => ({
      id: row.id,
      createdBy: row.created_by,
      email: row.email_key,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
    }))
  }

  async deleteInvitation(id: string): Promise<boolean> {
    return this.s.deleteInvitation.run(id).changes > 0
  }

  async roleOf(docId: string, userId: string): Promise<Role | undefined> {
    return this.membership.roleOf(docId, userId)
  }

  async listMembers(docId: string): Promise<MemberRecord[]> {
    return this.membership.listMembers(docId)
  }

  async addMember(docId: string, userId: string, role: Role, now: number): Promise<boolean> {
    return this.membership.addMember(docId, userId, role, now)
  }

  async setMemberRole(docId: string, userId: string, role: Role): Promise<MemberChange> {
    return this.membership.setMemberRole(docId, userId, role)
  }

  async removeMember(docId: string, userId: string): Promise<MemberChange> {
    return this.membership.removeMember(docId, userId)
  }

  async createShareLink(link: ShareLinkRecord & { secretHash: string }): Promise<void> {
    this.membership.createShareLink(link)
  }

  async listShareLinks(docId: string): Promise<ShareLinkRecord[]> {
    return this.membership.listShareLinks(docId)
  }

  async findShareLink(secretHash: string): Promise<ShareLinkRecord | undefined> {
    return this.membership.findShareLink(secretHash)
  }

  async deleteShareLink(docId: string, linkId: string): Promise<{ deleted: boolean; usersAffected: string[] }> {
    return this.membership.deleteShareLink(docId, linkId)
  }

  async acceptShareLink(link: ShareLinkRecord, userId: string, now: number): Promise<Role> {
    return this.membership.acceptShareLink(link, userId, now)
  }

  async listDocumentsFor(userId: string, options: { trashed: boolean; limit: number; after: ListCursor | null }): Promise<DocumentListPage> {
    return this.membership.listDocumentsFor(userId, options)
  }
}
