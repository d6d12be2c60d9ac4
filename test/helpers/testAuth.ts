/**
 * Accounts for tests. Every test server has a default signed-in user (created through the real sign-up API);
 * the helpers (createDoc, apiFetch, connectClient, openRawSocket, the sources helpers, the test app) send that
 * user's session cookie and the server's own Origin unless a test passes other credentials, or `null` for
 * none.
 */

export const TEST_PASSWORD = 'correct horse battery staple'
export const SESSION_COOKIE = 'caucus_session'

/** What a signed-in test person sends: their session cookie, from the server's own origin. */
export interface Credentials {
  userId: string
  email: string
  name: string
  /** The session secret (the cookie's value). */
  session: string
  /** The origin the requests claim to come from (the server's own, by default). */
  origin: string
}

/** `null`: send no credentials at all; undefined: the server's default test user. */
export type AuthOption = Credentials | null | undefined

const defaults = new Map<string, Credentials>()

/** The origin of an http(s) or ws(s) URL, as http(s). */
export function httpOrigin(url: string): string {
  return new URL(url.replace(/^ws/, 'http')).origin
}

/** Makes `credentials` what the helpers send to the server at `url` unless told otherwise. */
export function setDefaultCredentials(url: string, credentials: Credentials): void {
  defaults.delete(httpOrigin(url))
  defaults.set(httpOrigin(url), credentials)
}

/** The default user of the test server started last in this process (a browser opened after it signs in as them). */
export function latestDefaultCredentials(): Credentials | undefined {
  return [...defaults.values()].at(-1)
}

/** The default user's credentials for the server at `url` (http or ws), if it has one. */
export function defaultCredentials(url: string): Credentials | undefined {
  return defaults.get(httpOrigin(url))
}

/** The credentials to use: the ones given, none (`null`), or the server's default user. */
export function resolveAuth(url: string, auth: AuthOption): Credentials | null {
  if (auth === null) return null
  return auth ?? defaultCredentials(url) ?? null
}

/** `cookie` and `origin` headers for these credentials (nothing for none). */
export function authHeaders(credentials: Credentials | null): Record<string, string> {
  if (!credentials) return {}
  return { cookie: `${SESSION_COOKIE}=${credentials.session}`, origin: credentials.origin }
}

function sessionFrom(response: Response): string {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')
  if (!match) throw new Error('the server set no session cookie')
  return match[1]!
}

/** An email address made from a display name ("Ana Reyes" → ana-reyes@example.org). */
export const emailFor = (name: string): string => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'person'}@example.org`

/**
 * Signs a person up through the real API (`POST /api/auth/signup`), or signs them in when the account already
 * exists (a restarted server, a second browser for the same person).
 */
export async function signUpOrIn(url: string, name: string, email = emailFor(name), extra: { invitation?: string } = {}): Promise<Credentials> {
  const origin = httpOrigin(url)
  const headers = { 'content-type': 'application/json', origin }
  const signup = await fetch(`${origin}/api/auth/signup`, { method: 'POST', headers, body: JSON.stringify({ email, name, password: TEST_PASSWORD, ...extra }) })
  let response = signup
  if (signup.status === 409) {
    response = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ email, password: TEST_PASSWORD }) })
  }
  if (!response.ok) throw new Error(`signing up ${email} failed: ${response.status} ${await response.text()}`)
  const { user } = (await response.json()) as { user: { id: string; name: string; email: string } }
  return { userId: user.id, email: user.email, name: user.name, session: sessionFrom(response), origin }
}

/** The default test user of every test server. */
export const DEFAULT_USER = { name: 'Test Writer', email: 'writer@example.org' }

/** `fetch` with credentials: the server's default test user's unless `auth` says otherwise. */
export function apiFetch(input: string, init: RequestInit & { auth?: AuthOption } = {}): Promise<Response> {
  const { auth, ...rest } = init
  const headers = new Headers(rest.headers)
  for (const [name, value] of Object.entries(authHeaders(resolveAuth(input, auth)))) if (!headers.has(name)) headers.set(name, value)
  return fetch(input, { ...rest, headers })
}

/** Makes `person` a member of document `docId` with `role`, as the document's owner (`owner` credentials). */
export async function addMember(url: string, docId: string, person: { email: string }, role: 'owner' | 'editor' | 'viewer', owner?: Credentials): Promise<void> {
  const response = await apiFetch(`${httpOrigin(url)}/api/docs/${docId}/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, role }),
    auth: owner,
  })
  // 409: already a member (a second browser for the same person).
  if (response.status !== 201 && response.status !== 409) throw new Error(`sharing ${docId} failed: ${response.status} ${await response.text()}`)
}
