import type { SignupMode } from '../config.js'
import { AccessEvents } from './accessEvents.js'
import type { AccountStore, InvitationRecord, SessionRecord, TokenRecord, UserRecord } from './AccountStore.js'
import { hashPassword, verifyNothing, verifyPassword } from './passwords.js'
import type { Principal } from './principal.js'
import { hashSecret, looksLikeSecret, newId, newSecret } from './secrets.js'

const DAY_MS = 24 * 60 * 60 * 1000
/** How long an invitation link can be used. */
export const INVITATION_DAYS = 7

export interface AccountsOptions {
  signup: SignupMode
  sessionDays: number
}

/** A new sign-in: the secret goes into the cookie, once; the store keeps its hash. */
export interface NewSession {
  secret: string
  session: SessionRecord
}

export type SignUpOutcome =
  | { ok: true; user: UserRecord; first: boolean; session: NewSession }
  | { ok: false; reason: 'email_taken' | 'invitation_required' | 'invitation_invalid' }

/** Who a request is: a principal, nobody (no credentials), or credentials that are not (or no longer) valid. */
export type Authentication = { principal: Principal } | { principal: null; invalid: boolean }

/** The credentials a request carries, before they are checked. */
export interface PresentedCredentials {
  /** The `Authorization: Bearer` value, when that header is present at all (an empty or odd value is invalid). */
  bearer?: string
  /** The session cookie's value. */
  sessionSecret?: string
}

/**
 * Accounts: sign-up, sign-in and sign-out, sessions, personal access tokens, invitations, and turning a
 * request's credentials into a principal. Every change that can take access away is announced on `events`.
 */
export class Accounts {
  readonly events = new AccessEvents()

  constructor(
    readonly store: AccountStore,
    private readonly options: AccountsOptions,
  ) {}

  get signupOpen(): boolean {
    return this.options.signup === 'open'
  }

  async firstAccountNeeded(): Promise<boolean> {
    return (await this.store.countUsers()) === 0
  }

  async signUp(input: { email: string; password: string; name: string; invitation?: string }): Promise<SignUpOutcome> {
    const now = Date.now()
    const invitation = input.invitation?.trim()
    // Hashing first (slow, async); the store then checks and writes in one transaction.
    const outcome = await this.store.createAccount({
      user: { id: newId(), email: input.email, name: input.name, passwordHash: await hashPassword(input.password), createdAt: now },
      signupOpen: this.signupOpen,
      invitationHash: invitation ? (looksLikeSecret(invitation, 'inv') ? hashSecret(invitation) : 'not-an-invitation') : null,
    })
    if (!outcome.ok) return outcome
    return { ...outcome, session: await this.startSession(outcome.user.id, now) }
  }

  /** Checks an email and password; null when they do not match an account (same time either way). */
  async verifyLogin(email: string, password: string): Promise<UserRecord | null> {
    const user = await this.store.findUserByEmail(email)
    if (!user) return verifyNothing(password).then(() => null)
    return (await verifyPassword(user.passwordHash, password)) ? user : null
  }

  async startSession(userId: string, now = Date.now()): Promise<NewSession> {
    const secret = newSecret('ses')
    const session: SessionRecord = { id: newId(), userId, createdAt: now, expiresAt: now + this.options.sessionDays * DAY_MS }
    await this.store.createSession({ ...session, secretHash: hashSecret(secret) })
    return { secret, session }
  }

  /** Signs out one session; its open connections are closed. */
  async endSession(principal: Principal): Promise<void> {
    if (principal.credential.kind !== 'session') return
    await this.store.deleteSession(principal.credential.id)
    this.events.emit({ userId: principal.userId })
  }

  /** Who presented these credentials. A bearer token, when present, is the only credential looked at. */
  async authenticate(presented: PresentedCredentials, now = Date.now()): Promise<Authentication> {
    if (presented.bearer !== undefined) {
      const token = presented.bearer
      const found = looksLikeSecret(token, 'cau') ? await this.store.findToken(hashSecret(token), now) : undefined
      if (!found) return { principal: null, invalid: true }
      return { principal: principalOf(found.user, { kind: 'token', id: found.token.id }) }
    }
    if (presented.sessionSecret !== undefined) {
      const secret = presented.sessionSecret
      const found = looksLikeSecret(secret, 'ses') ? await this.store.findSession(hashSecret(secret), now) : undefined
      if (!found) return { principal: null, invalid: true }
      return { principal: principalOf(found.user, { kind: 'session', id: found.session.id }) }
    }
    return { principal: null, invalid: false }
  }

  async createToken(userId: string, name: string): Promise<{ token: TokenRecord; secret: string }> {
    const secret = newSecret('cau')
    const token: TokenRecord = { id: newId(), userId, name, createdAt: Date.now(), lastUsedAt: null }
    await this.store.createToken({ ...token, secretHash: hashSecret(secret) })
    return { token, secret }
  }

  /** Revokes one of a person's tokens; connections opened with it are closed. */
  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    const deleted = await this.store.deleteToken(userId, tokenId)
    if (deleted) this.events.emit({ userId })
    return deleted
  }

  async createInvitation(createdBy: string, email: string | null): Promise<{ invitation: InvitationRecord; secret: string }> {
    const secret = newSecret('inv')
    const now = Date.now()
    const invitation: InvitationRecord = { id: newId(), createdBy, email, createdAt: now, expiresAt: now + INVITATION_DAYS * DAY_MS, usedAt: null }
    await this.store.createInvitation({ ...invitation, secretHash: hashSecret(secret) })
    return { invitation, secret }
  }
}

function principalOf(user: UserRecord, credential: Principal['credential']): Principal {
  return { userId: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, credential }
}
