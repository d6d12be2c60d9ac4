import { beforeEach, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '../../../shared/apiTypes.js'
import { authScenario, SECRET_PRESENCE, SECRET_TEXT, type AuthScenario } from '../../helpers/authScenario.js'
import { authHeaders, type Credentials } from '../../helpers/testAuth.js'

let s: AuthScenario

beforeEach(async () => {
  s = await authScenario()
})

interface Route {
  method: string
  path: () => string
  body?: () => unknown
  /** Scoped to the scenario's document: a member of another document gets 404 here. */
  document: boolean
}

/** Every route of the API table, the document routes, and the statement page. */
const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/me', document: false },
  { method: 'POST', path: () => '/api/auth/logout', document: false },
  { method: 'POST', path: () => '/api/tokens', body: () => ({ name: 'x' }), document: false },
  { method: 'GET', path: () => '/api/tokens', document: false },
  { method: 'DELETE', path: () => `/api/tokens/${s.ownerToken.id}`, document: false },
  { method: 'GET', path: () => '/api/docs', document: false },
  { method: 'POST', path: () => '/api/docs', body: () => ({ title: 'x' }), document: false },
  { method: 'GET', path: () => `/api/docs/${s.docId}`, document: true },
  { method: 'PATCH', path: () => `/api/docs/${s.docId}`, body: () => ({ title: 'Renamed by an intruder' }), document: true },
  { method: 'DELETE', path: () => `/api/docs/${s.docId}`, document: true },
  { method: 'POST', path: () => `/api/docs/${s.docId}/restore`, document: true },
  { method: 'DELETE', path: () => `/api/docs/${s.docId}?permanent=true`, document: true },
  { method: 'GET', path: () => `/api/docs/${s.docId}/sources`, document: true },
  { method: 'POST', path: () => `/api/docs/${s.docId}/sources`, body: () => [{ type: 'webpage', title: 'Planted', URL: 'https://evil.example/' }], document: true },
  { method: 'GET', path: () => `/api/docs/${s.docId}/export.md`, document: true },
  { method: 'GET', path: () => `/api/docs/${s.docId}/members`, document: true },
  { method: 'POST', path: () => `/api/docs/${s.docId}/members`, body: () => ({ email: s.outsider.email, role: 'owner' }), document: true },
  { method: 'PATCH', path: () => `/api/docs/${s.docId}/members/${s.owner.userId}`, body: () => ({ role: 'viewer' }), document: true },
  { method: 'DELETE', path: () => `/api/docs/${s.docId}/members/${s.viewer.userId}`, document: true },
  { method: 'GET', path: () => `/api/docs/${s.docId}/links`, document: true },
  { method: 'POST', path: () => `/api/docs/${s.docId}/links`, body: () => ({ role: 'editor' }), document: true },
  { method: 'DELETE', path: () => `/api/docs/${s.docId}/links/${s.link.id}`, document: true },
  { method: 'GET', path: () => `/api/links/${s.link.token}`, document: false },
  { method: 'POST', path: () => `/api/links/${s.link.token}/accept`, document: false },
  { method: 'GET', path: () => '/api/invitations', document: false },
  { method: 'POST', path: () => '/api/invitations', body: () => ({}), document: false },
  { method: 'GET', path: () => `/d/${s.docId}`, document: true },
]

function send(route: Route, headers: Record<string, string>): Promise<Response> {
  const body = route.body?.()
  return fetch(`${s.server.url}${route.path()}`, {
    method: route.method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** The answer holds nothing of the document: not its text, title, sources, members or presence. */
async function expectNoContent(response: Response): Promise<void> {
  const text = await response.text()
  for (const secret of [SECRET_TEXT, SECRET_PRESENCE, 'Confidential statement', s.viewer.email, s.link.token]) expect(text).not.toContain(secret)
}

async function expectRefused(route: Route, headers: Record<string, string>, status: number, code?: string): Promise<void> {
  const response = await send(route, headers)
  const what = `${route.method} ${route.path()}`
  expect(response.status, what).toBe(status)
  if (code && route.path().startsWith('/api/')) {
    const { error } = (await response.clone().json()) as ApiErrorBody
    expect(error.code, what).toBe(code)
  }
  await expectNoContent(response)
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, origin: s.owner.origin })
const origin = () => ({ origin: s.owner.origin })

describe('every route refuses', () => {
  test('no credentials → 401', async () => {
    for (const route of ROUTES) await expectRefused(route, origin(), 401, 'unauthorized')
  })

  test('a forged session → 401', async () => {
    for (const route of ROUTES) await expectRefused(route, authHeaders(s.forged), 401, 'unauthorized')
  })

  test('an expired session → 401', async () => {
    for (const route of ROUTES) await expectRefused(route, authHeaders(s.expired), 401, 'unauthorized')
  })

  test('a revoked token → 401, and a token that was never issued', async () => {
    for (const route of ROUTES) await expectRefused(route, bearer(s.revokedToken), 401, 'unauthorized')
    for (const route of ROUTES) await expectRefused(route, bearer('cau_' + 'A'.repeat(43)), 401, 'unauthorized')
  })

  test('a member of another document → 404 on everything of this document, as if it did not exist', async () => {
    for (const route of ROUTES.filter((r) => r.document)) await expectRefused(route, authHeaders(s.outsider), 404, 'document_not_found')
    // Their own list does not show it either.
    const list = await fetch(`${s.server.url}/api/docs`, { headers: authHeaders(s.outsider) })
    expect(((await list.json()) as { documents: { id: string }[] }).documents.map((d) => d.id)).toEqual([s.outsiderDocId])
  })

  test('a foreign Origin with a valid cookie → 403', async () => {
    const foreign = (credentials: Credentials) => ({ ...authHeaders(credentials), origin: 'https://evil.example' })
    for (const route of ROUTES) await expectRefused(route, foreign(s.owner), 403, 'cross_site_request')
  })

  test('a valid cookie without Origin cannot change anything', async () => {
    const { cookie } = authHeaders(s.owner)
    for (const route of ROUTES.filter((r) => r.method !== 'GET')) await expectRefused(route, { cookie: cookie! }, 403, 'origin_required')
  })

  test('after every refusal, the document, its members, links, sources and tokens are as they were', async () => {
    for (const route of ROUTES) await send(route, { ...authHeaders(s.outsider), origin: 'https://evil.example' })
    for (const route of ROUTES) await send(route, authHeaders(s.outsider))
    for (const route of ROUTES) await send(route, authHeaders(s.forged))
    for (const route of ROUTES) await send(route, bearer(s.revokedToken))
    const headers = authHeaders(s.owner)
    const doc = (await (await fetch(`${s.server.url}/api/docs/${s.docId}`, { headers })).json()) as { document: { title: string; deletedAt: string | null } }
    expect(doc.document).toMatchObject({ title: 'Confidential statement', deletedAt: null })
    const members = (await (await fetch(`${s.server.url}/api/docs/${s.docId}/members`, { headers })).json()) as { members: { email: string; role: string }[] }
    expect(members.members.map((m) => [m.email, m.role])).toEqual([
      [s.owner.email, 'owner'],
      [s.editor.email, 'editor'],
      [s.viewer.email, 'viewer'],
    ])
    const links = (await (await fetch(`${s.server.url}/api/docs/${s.docId}/links`, { headers })).json()) as { links: { id: string }[] }
    expect(links.links.map((l) => l.id)).toEqual([s.link.id])
    expect(await (await fetch(`${s.server.url}/api/docs/${s.docId}/sources`, { headers })).json()).toEqual([])
    const tokens = (await (await fetch(`${s.server.url}/api/tokens`, { headers })).json()) as { tokens: { id: string }[] }
    expect(tokens.tokens.map((t) => t.id)).toEqual([s.ownerToken.id])
    expect((await fetch(`${s.server.url}/api/me`, { headers })).status).toBe(200)
  })
})
