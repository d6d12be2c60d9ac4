import type { DocumentRecord } from '../storage/Storage.js'
import type { Credential } from './principal.js'
import type { LinkRole, Role } from './roles.js'

/** The unique key of an email address: trimmed and lower-cased (`Ana@X.org` and `ana@x.org` are one account). */
export const emailKey = (email: string): string => email.trim().toLowerCase()

/** An account; its email is unique by `emailKey`. */
export interface UserRecord {
  id: string
  email: string
  name: string
  passwordHash: string
  isAdmin: boolean
  createdAt: number
}

export interface SessionRecord {
  id: string
  userId: string
  createdAt: number
  expiresAt: number
}

export interface TokenRecord {
  id: string
  userId: string
  name: string
  createdAt: number
  lastUsedAt: number | null
}

export interface InvitationRecord {
  id: string
  createdBy: string
  /** When set, only this address may use the invitation. */
  email: string | null
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

export interface ShareLinkRecord {
  id: string
  docId: string
  role: LinkRole
  createdBy: string
  createdAt: number
}

export interface MemberRecord {
  docId: string
  userId: string
  email: string
  name: string
  role: Role
  /** The share link this membership came from (revoking the link removes it), or null for a direct member. */
  viaLink: string | null
  createdAt: number
}

/** Where a documents list continues: after this document, in the list's order. */
export interface ListCursor {
  at: number
  id: string
}

export interface DocumentListPage {
  items: { record: DocumentRecord; role: Role }[]
  next: ListCursor | null
}

export type NewAccountOutcome =
  | { ok: true; user: UserRecord; first: boolean }
  | { ok: false; reason: 'email_taken' | 'invitation_required' | 'invitation_invalid' }

export type MemberChange = 'ok' | 'not_member' | 'last_owner'

/**
 * Accounts and who may open what, stored beside the documents (SQLite today; PostgreSQL later implements the
 * same interface). Secrets (sessions, tokens, invitations, share links) reach the store as SHA-256 hashes only.
 * Methods whose rules must hold under concurrent requests (the first account, invitations, the last owner)
 * check and write in one transaction.
 */
export interface AccountStore {
  countUsers(): Promise<number>
  /**
   * Creates an account. On a fresh install (no account yet) it becomes the admin and the owner of every
   * document that has no owner; after that, unless `signupOpen`, it needs an unused, unexpired invitation
   * (for this email, if the invitation names one), which it uses up.
   */
  createAccount(input: {
    user: Omit<UserRecord, 'isAdmin'>
    signupOpen: boolean
    invitationHash: string | null
  }): Promise<NewAccountOutcome>
  getUser(id: string): Promise<UserRecord | undefined>
  findUserByEmail(email: string): Promise<UserRecord | undefined>

  createSession(session: SessionRecord & { secretHash: string }): Promise<void>
  /** The unexpired session with this secret, and its account. */
  findSession(secretHash: string, now: number): Promise<{ session: SessionRecord; user: UserRecord } | undefined>
  deleteSession(id: string): Promise<void>

  /** Whether a session (unexpired) or token still exists: open connections are re-checked with it. */
  isCredentialActive(credential: Credential, now: number): Promise<boolean>

  createToken(token: TokenRecord & { secretHash: string }): Promise<void>
  findToken(secretHash: string, now: number): Promise<{ token: TokenRecord; user: UserRecord } | undefined>
  listTokens(userId: string): Promise<TokenRecord[]>
  deleteToken(userId: string, id: string): Promise<boolean>

  createInvitation(invitation: InvitationRecord & { secretHash: string }): Promise<void>
  listInvitations(): Promise<InvitationRecord[]>
  deleteInvitation(id: string): Promise<boolean>

  roleOf(docId: string, userId: string): Promise<Role | undefined>
  listMembers(docId: string): Promise<MemberRecord[]>
  /** Adds a direct member; false when they already are one. */
  addMember(docId: string, userId: string, role: Role, now: number): Promise<boolean>
  /** Changes a member's role (they become a direct member); refuses to leave the document without an owner. */
  setMemberRole(docId: string, userId: string, role: Role): Promise<MemberChange>
  removeMember(docId: string, userId: string): Promise<MemberChange>

  createShareLink(link: ShareLinkRecord & { secretHash: string }): Promise<void>
  listShareLinks(docId: string): Promise<ShareLinkRecord[]>
  findShareLink(secretHash: string): Promise<ShareLinkRecord | undefined>
  /** Deletes a link and every membership it granted; resolves with the users who lost it (empty: no such link). */
  deleteShareLink(docId: string, linkId: string): Promise<{ deleted: boolean; usersAffected: string[] }>
  /**
   * Joins a document through a link. A person who is not a member becomes one through the link; a member
   * whose role is lower is raised to the link's role (and stays a direct member); anyone else is unchanged.
   */
  acceptShareLink(link: ShareLinkRecord, userId: string, now: number): Promise<Role>

  /**
   * The documents a person is a member of, with their role: live ones by last edit (newest first), or
   * (`trashed`) the trash of documents they own, most recently trashed first.
   */
  listDocumentsFor(userId: string, options: { trashed: boolean; limit: number; after: ListCursor | null }): Promise<DocumentListPage>
}
