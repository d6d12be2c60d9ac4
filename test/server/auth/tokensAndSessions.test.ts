import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import type { ApiErrorBody } from '../../../shared/apiTypes.js'
import { TEST_PASSWORD, apiFetch } from '../../helpers/testAuth.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { rawHttp } from '../../helpers/rawHttp.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient } from '../../helpers/yClient.js'

const errorCode = async (response: Response) => ((await response.json()) as ApiErrorBody).error.code

test('an access token is shown once, stored hashed, works for the API and the websocket, and stops working when revoked', async () => {
  const server = await startTestServer()
  const created = await apiFetch(`${server.url}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'nightly export' }) })
  expect(created.status).toBe(201)
  const { id, token, name } = (await created.json()) as { id: string; token: string; name: string }
  expect(name).toBe('nightly export')
  expect(token).toMatch(/^cau_[A-Za-z0-9_-]{43}$/)

  const listed = await (await apiFetch(`${server.url}/api/tokens`)).json()
  expect(JSON.stringify(listed)).not.toContain(token)
  expect(listed).toMatchObject({ tokens: [{ id, name: 'nightly export', lastUsedAt: null }] })
  const file = new Database(join(server.dataDir, 'caucus.sqlite'), { readonly: true })
  const stored = JSON.stringify(file.prepare('SELECT * FROM access_tokens').all())
  file.close()
  expect(stored).not.toContain(token.slice(4))

  // A script: the token, no cookie, no Origin.
  const script = { authorization: `Bearer ${token}` }
  const made = await fetch(`${server.url}/api/docs`, { method: 'POST', headers: { ...script, 'content-type': 'application/json' }, body: '{"title":"From a script"}' })
  expect(made.status).toBe(201)
  const scriptDoc = ((await made.json()) as { document: { id: string } }).document.id
  expect(await (await fetch(`${server.url}/api/me`, { headers: script })).json()).toMatchObject({ via: 'token', user: { email: server.auth!.email } })

  // A token cannot manage tokens (a stolen one could otherwise outlive its own revocation).
  const minted = await fetch(`${server.url}/api/tokens`, { method: 'POST', headers: { ...script, 'content-type': 'application/json' }, body: '{"name":"more"}' })
  expect(minted.status).toBe(403)
  expect(await errorCode(minted)).toBe('session_required')

  const revoked = await apiFetch(`${server.url}/api/tokens/${id}`, { method: 'DELETE' })
  expect(await revoked.json()).toEqual({ revoked: id })
  expect((await fetch(`${server.url}/api/docs/${scriptDoc}`, { headers: script })).status).toBe(401)
  expect((await apiFetch(`${server.url}/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(404)
})

test('signing out ends the session on the server: the old cookie no longer works anywhere', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId)
  await waitFor(() => client.provider.synced)
  const closed = new Promise<number | undefined>((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code)))
  const out = await apiFetch(`${server.url}/api/auth/logout`, { method: 'POST' })
  expect(out.status).toBe(200)
  expect(out.headers.get('set-cookie')).toMatch(/caucus_session=;.*Max-Age=0/)
  expect((await apiFetch(`${server.url}/api/docs/${docId}`)).status).toBe(401)
  expect(await closed).toBe(4401)
})

test('cookies are Secure when the server is reached over https (a configured https origin)', async () => {
  const server = await startTestServer({ security: { origin: 'https://caucus.example.org' }, defaultUser: false })
  // The request names the public origin, as it arrives through the https proxy.
  const response = await rawHttp(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'caucus.example.org', origin: 'https://caucus.example.org' },
    body: JSON.stringify({ email: 'ivy@example.org', name: 'Ivy', password: TEST_PASSWORD }),
  })
  expect(response.status, response.body).toBe(201)
  expect(String(response.headers['set-cookie'])).toMatch(/; Secure/)
})

test('failed sign-ins are slowed per account and per address', async () => {
  const server = await startTestServer({ security: { loginFailuresPerAccount: 3, loginFailuresPerAddress: 5 } })
  const login = (email: string, password: string) =>
    fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password }) })
  const email = server.auth!.email
  for (let i = 0; i < 3; i++) expect((await login(email, `guess ${i}`)).status).toBe(401)
  // The account is locked for the window, even with the right password.
  const locked = await login(email, TEST_PASSWORD)
  expect(locked.status).toBe(429)
  expect(await errorCode(locked)).toBe('too_many_attempts')
  expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)

  // Another account from the same address: two more failures use up the address's budget of five.
  await server.signUp('Jay', 'jay@example.org')
  for (let i = 0; i < 2; i++) expect((await login('jay@example.org', `guess ${i}`)).status).toBe(401)
  expect((await login('jay@example.org', TEST_PASSWORD)).status).toBe(429)
})
