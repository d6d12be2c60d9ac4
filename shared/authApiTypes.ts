import * as z from 'zod'
import type { DocumentRole } from './apiTypes.js'

/**
 * Request bodies and answers of the accounts, tokens, members and links API (see the README's API table).
 * The server validates with these schemas; the client may use them to check forms before sending.
 */

export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 200
export const MAX_NAME_LENGTH = 80
export const MAX_EMAIL_LENGTH = 254

const email = z
  .string({ error: 'Email must be text.' })
  .trim()
  .max(MAX_EMAIL_LENGTH, { error: `Email must be at most ${MAX_EMAIL_LENGTH} characters.` })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'Enter an email address such as ana@example.org.' })

// Control and invisible formatting characters make a name look like someone else's: refused.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const name = z
  .string({ error: 'Name must be text.' })
  .trim()
  .min(1, { error: 'Name cannot be empty.' })
  .max(MAX_NAME_LENGTH, { error: `Name must be at most ${MAX_NAME_LENGTH} characters.` })
  .refine((value) => !INVISIBLE.test(value) && !LONE_SURROGATE.test(value), { error: 'Name cannot contain control or invisible characters.' })

const newPassword = z
  .string({ error: 'Password must be text.' })
  .min(MIN_PASSWORD_LENGTH, { error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(MAX_PASSWORD_LENGTH, { error: `Password must be at most ${MAX_PASSWORD_LENGTH} characters.` })

export const SignupBody = z
  .object({ email, password: newPassword, name, invitation: z.string({ error: 'Invitation must be text.' }).max(200).optional() })
  .strict()
export const LoginBody = z
  .object({
    email: z.string({ error: 'Email must be text.' }).max(MAX_EMAIL_LENGTH),
    password: z.string({ error: 'Password must be text.' }).max(MAX_PASSWORD_LENGTH),
  })
  .strict()

const tokenName = z
  .string({ error: 'Token name must be text.' })
  .trim()
  .min(1, { error: 'Give the token a name (what script uses it).' })
  .max(MAX_NAME_LENGTH, { error: `Token name must be at most ${MAX_NAME_LENGTH} characters.` })
export const CreateTokenBody = z.object({ name: tokenName }).strict()

const role = z.enum(['owner', 'editor', 'viewer'], { error: 'Role must be owner, editor or viewer.' })
export const AddMemberBody = z.object({ email, role }).strict()
export const ChangeMemberBody = z.object({ role }).strict()
export const CreateLinkBody = z.object({ role: z.enum(['editor', 'viewer'], { error: 'A link grants editor or viewer.' }) }).strict()
export const CreateInvitationBody = z.object({ email: email.optional() }).strict()

/** The signed-in person (`GET /api/me`, and the answer of sign-up and sign-in). */
export interface UserInfo {
  id: string
  email: string
  name: string
  isAdmin: boolean
  /** The account's colour, as presence shows it. */
  colour: string
}

/** `GET /api/auth/setup` (no sign-in needed) and part of `GET /api/me`. */
export interface SetupInfo {
  /** A fresh install: the next sign-up creates the admin, no invitation needed ("Create the first account"). */
  firstAccountNeeded: boolean
  /** `CAUCUS_SIGNUP=open`: anyone may sign up; otherwise an invitation is needed. */
  signupOpen: boolean
}

export interface MeResponse extends SetupInfo {
  user: UserInfo
  /** How this request was signed in. */
  via: 'session' | 'token'
}

export interface TokenInfo {
  id: string
  name: string
  createdAt: string
  lastUsedAt: string | null
}

/** `POST /api/tokens` answer (201): `token` is shown this once and never again. */
export interface NewTokenResponse extends TokenInfo {
  token: string
}

export interface MemberInfo {
  userId: string
  email: string
  name: string
  role: DocumentRole
  /** The share link this person joined through (revoking it removes them), or null. */
  viaLink: string | null
}

export interface LinkInfo {
  id: string
  role: Exclude<DocumentRole, 'owner'>
  createdAt: string
  createdBy: string
}

/** `POST /api/docs/:id/links` answer (201): `url` holds the link's secret and is shown this once. */
export interface NewLinkResponse extends LinkInfo {
  url: string
}

/** `GET /api/links/:token` and `POST /api/links/:token/accept` answers. */
export interface LinkTarget {
  docId: string
  title: string
  /** What the link grants (preview) or the role the person now has (accept). */
  role: DocumentRole
}

export interface InvitationInfo {
  id: string
  email: string | null
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

/** `POST /api/invitations` answer (201): `url` (the sign-up page with the invitation) is shown this once. */
export interface NewInvitationResponse extends InvitationInfo {
  invitation: string
  url: string
}
