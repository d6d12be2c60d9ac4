import { expect, test, vi } from 'vitest'
import type { ApiErrorBody } from '../../../shared/apiTypes.js'
import { SqliteStorage } from '../../../server/storage/SqliteStorage.js'
import { tempDir } from '../../helpers/tempDir.js'
import { TEST_PASSWORD, apiFetch, signUpOrIn } from '../../helpers/testAuth.js'
import { startTestServer } from '../../helpers/testServer.js'
import { join } from 'node:path'

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, ...headers }, body: JSON.stringify(body) })

const errorCode = async (response: Response) => ((await response.json()) as ApiErrorBody).error.code

test('a fresh install asks for the first account, which becomes the admin and owns the documents written before accounts', async () => {
  const dataDir = tempDir()
  // Documents from before accounts existed, in the same file.
  const before = new SqliteStorage(join(dataDir, 'caucus.sqlite'))
  await before.createDocument({ id: 'old-statement', title: 'Written before accounts', now: 1 })
  await before.close()

  const server = await startTestServer({ dataDir, defaultUser: false, security: { signup: 'invite' } })
  expect(await (await fetch(`${server.url}/api/auth/setup`)).json()).toEqual({ firstAccountNeeded: true, signupOpen: false })
  const me = await fetch(`${server.url}/api/me`)
  expect(me.status).toBe(401)
  expect(await errorCode(me)).toBe('first_account_needed')

  const signup = await post(server.url, '/api/auth/signup', { email: 'Admin@Example.org', name: 'Ada Admin', password: TEST_PASSWORD })
  expect(signup.status).toBe(201)
  expect(await signup.json()).toMatchObject({ first: true, user: { email: 'Admin@Example.org', name: 'Ada Admin', isAdmin: true } })
  const cookie = signup.headers.get('set-cookie')!
  expect(cookie).toMatch(/^caucus_session=ses_[A-Za-z0-9_-]{43};/)
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Lax/)
  expect(cookie).not.toMatch(/Secure/) // plain http here; see sessionCookie.test.ts for https
  const admin = { cookie: cookie.split(';')[0]!, origin: server.url }

  const list = (await (await fetch(`${server.url}/api/docs`, { headers: admin })).json()) as { documents: { id: string; role: string }[] }
  expect(list.documents).toMatchObject([{ id: 'old-statement', role: 'owner' }])
  expect(await (await fetch(`${server.url}/api/me`, { headers: admin })).json()).toMatchObject({ firstAccountNeeded: false, signupOpen: false, via: 'session' })

  // After the first account, sign-up needs an invitation.
  const refused = await post(server.url, '/api/auth/signup', { email: 'bo@example.org', name: 'Bo', password: TEST_PASSWORD })
  expect(refused.status).toBe(403)
  expect(await errorCode(refused)).toBe('invitation_required')
  const uninvited = await post(server.url, '/api/auth/signup', { email: 'bo@example.org', name: 'Bo', password: TEST_PASSWORD, invitation: 'inv_made-up' })
  expect(await errorCode(uninvited)).toBe('invitation_invalid')
})

test('an invitation lets one person sign up, once, and only the address it names', async () => {
  const server = await startTestServer({ security: { signup: 'invite' } })
  const invite = async (body: unknown) => {
    const response = await apiFetch(`${server.url}/api/invitations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.status).toBe(201)
    return (await response.json()) as { invitation: string; url: string }
  }
  const open = await invite({})
  expect(open.url).toBe(`${server.url}/signup?invitation=${open.invitation}`)
  const first = await post(server.url, '/api/auth/signup', { email: 'cy@example.org', name: 'Cy', password: TEST_PASSWORD, invitation: open.invitation })
  expect(first.status).toBe(201)
  expect(await first.json()).toMatchObject({ first: false, user: { isAdmin: false } })
  const again = await post(server.url, '/api/auth/signup', { email: 'di@example.org', name: 'Di', password: TEST_PASSWORD, invitation: open.invitation })
  expect(await errorCode(again)).toBe('invitation_invalid')

  const forEve = await invite({ email: 'eve@example.org' })
  const wrongPerson = await post(server.url, '/api/auth/signup', { email: 'mallory@example.org', name: 'M', password: TEST_PASSWORD, invitation: forEve.invitation })
  expect(await errorCode(wrongPerson)).toBe('invitation_invalid')
  expect((await post(server.url, '/api/auth/signup', { email: 'EVE@example.org', name: 'Eve', password: TEST_PASSWORD, invitation: forEve.invitation })).status).toBe(201)

  // Only admins invite.
  const cy = await signUpOrIn(server.url, 'Cy', 'cy@example.org')
  const byMember = await apiFetch(`${server.url}/api/invitations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', auth: cy })
  expect(byMember.status).toBe(403)
  expect(await errorCode(byMember)).toBe('admin_only')
})

test('emails are unique whatever their case; sign-in takes any case; a wrong password is 401; passwords are never logged', async () => {
  const logged: string[] = []
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
  }
  const server = await startTestServer()
  const password = 'a password nobody should ever see'
  expect((await post(server.url, '/api/auth/signup', { email: 'Fay@Example.org', name: 'Fay', password })).status).toBe(201)
  const taken = await post(server.url, '/api/auth/signup', { email: 'fay@example.ORG', name: 'Other Fay', password })
  expect(taken.status).toBe(409)
  expect(await errorCode(taken)).toBe('email_taken')

  const login = await post(server.url, '/api/auth/login', { email: 'FAY@example.org', password })
  expect(login.status).toBe(200)
  expect(login.headers.get('set-cookie')).toMatch(/^caucus_session=ses_/)
  const wrong = await post(server.url, '/api/auth/login', { email: 'fay@example.org', password: 'not the password' })
  expect(wrong.status).toBe(401)
  expect(await errorCode(wrong)).toBe('invalid_credentials')
  const nobody = await post(server.url, '/api/auth/login', { email: 'nobody@example.org', password })
  expect(await errorCode(nobody)).toBe('invalid_credentials')

  // Stored as an argon2id hash, and in no log line.
  const stored = server.server.accounts.store.findUserByEmail('fay@example.org')
  expect((await stored)!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  expect(logged.join('\n')).not.toContain(password)
  // Everything the server's logger wrote, at every level (it writes JSON lines, not through console).
  expect(server.logLines.join('\n')).not.toContain(password)
})

test('sign-up checks its fields and says what is wrong; names with control or invisible characters are refused', async () => {
  const server = await startTestServer()
  const cases: [unknown, string][] = [
    [{ email: 'not-an-email', name: 'Gus', password: TEST_PASSWORD }, 'email'],
    [{ email: 'gus@example.org', name: 'Gus', password: 'short' }, 'password'],
    [{ email: 'gus@example.org', name: '  ', password: TEST_PASSWORD }, 'name'],
    [{ email: 'gus@example.org', name: 'Gus\u202e', password: TEST_PASSWORD }, 'name'],
    [{ email: 'gus@example.org', name: '\u200b', password: TEST_PASSWORD }, 'name'],
    [{ email: 'gus@example.org', name: 'Gus', password: TEST_PASSWORD, isAdmin: true }, '(body)'],
  ]
  for (const [body, path] of cases) {
    const response = await post(server.url, '/api/auth/signup', body)
    expect(response.status, JSON.stringify(body)).toBe(400)
    expect(((await response.json()) as ApiErrorBody).error.issues?.[0]?.path).toBe(path)
  }
})
