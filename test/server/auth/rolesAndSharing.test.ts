import { expect, test } from 'vitest'
import type { ApiErrorBody, DocumentsPage } from '../../../shared/apiTypes.js'
import { apiFetch, type Credentials } from '../../helpers/testAuth.js'
import { createDoc, startTestServer, type TestServer } from '../../helpers/testServer.js'

function api(server: TestServer) {
  return (method: string, path: string, body?: unknown, auth?: Credentials) =>
    apiFetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      auth,
    })
}

const codeOf = async (response: Response) => ((await response.json()) as ApiErrorBody).error.code

test('owners share, trash and manage; editors write and rename; viewers read; everyone sees their role', async () => {
  const server = await startTestServer()
  const call = api(server)
  const [editor, viewer] = [await server.signUp('Eli Editor'), await server.signUp('Val Viewer')]
  const docId = await createDoc(server.url, 'Shared draft')
  expect((await call('POST', `/api/docs/${docId}/members`, { email: editor.email, role: 'editor' })).status).toBe(201)
  expect((await call('POST', `/api/docs/${docId}/members`, { email: 'VAL-VIEWER@example.org', role: 'viewer' })).status).toBe(201)
  expect(await codeOf(await call('POST', `/api/docs/${docId}/members`, { email: viewer.email, role: 'editor' }))).toBe('already_member')
  expect(await codeOf(await call('POST', `/api/docs/${docId}/members`, { email: 'nobody@example.org', role: 'editor' }))).toBe('user_not_found')

  const roleOf = async (who: Credentials) => ((await (await call('GET', `/api/docs/${docId}`, undefined, who)).json()) as { document: { role: string } }).document.role
  expect([await roleOf(server.auth!), await roleOf(editor), await roleOf(viewer)]).toEqual(['owner', 'editor', 'viewer'])

  // What each role may do (status per role: owner, editor, viewer).
  const matrix: [string, string, unknown, number[]][] = [
    ['GET', `/api/docs/${docId}/sources`, undefined, [200, 200, 200]],
    ['GET', `/api/docs/${docId}/export.md`, undefined, [200, 200, 200]],
    ['POST', `/api/docs/${docId}/sources`, [{ type: 'webpage', title: 'A page', URL: 'https://example.org/' }], [201, 201, 403]],
    ['PATCH', `/api/docs/${docId}`, { title: 'Renamed' }, [200, 200, 403]],
    ['GET', `/api/docs/${docId}/members`, undefined, [200, 403, 403]],
    ['POST', `/api/docs/${docId}/links`, { role: 'viewer' }, [201, 403, 403]],
  ]
  for (const [method, path, body, statuses] of matrix) {
    const got = [await call(method, path, body), await call(method, path, body, editor), await call(method, path, body, viewer)].map((r) => r.status)
    expect(got, `${method} ${path}`).toEqual(statuses)
  }
  const refusal = await call('PATCH', `/api/docs/${docId}`, { title: 'x' }, viewer)
  expect(((await refusal.json()) as ApiErrorBody).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/viewer/) })
  for (const who of [editor, viewer]) {
    expect((await call('DELETE', `/api/docs/${docId}`, undefined, who)).status).toBe(403)
    expect((await call('DELETE', `/api/docs/${docId}/members/${server.auth!.userId}`, undefined, who)).status).toBe(403)
  }

  // The trash is for owners: only they see trashed documents.
  expect((await call('DELETE', `/api/docs/${docId}`)).status).toBe(200)
  const trash = async (who?: Credentials) => ((await (await call('GET', '/api/docs?trashed=true', undefined, who)).json()) as DocumentsPage).documents.map((d) => d.id)
  expect([await trash(), await trash(editor), await trash(viewer)]).toEqual([[docId], [], []])
  expect((await call('POST', `/api/docs/${docId}/restore`, undefined, editor)).status).toBe(403)
  expect((await call('POST', `/api/docs/${docId}/restore`)).status).toBe(200)
})

test('a document keeps at least one owner; a member may leave; roles change for good', async () => {
  const server = await startTestServer()
  const call = api(server)
  const other = await server.signUp('Oli Owner')
  const docId = await createDoc(server.url)
  const me = server.auth!.userId
  expect(await codeOf(await call('PATCH', `/api/docs/${docId}/members/${me}`, { role: 'editor' }))).toBe('last_owner')
  expect(await codeOf(await call('DELETE', `/api/docs/${docId}/members/${me}`))).toBe('last_owner')
  expect((await call('POST', `/api/docs/${docId}/members`, { email: other.email, role: 'owner' })).status).toBe(201)
  expect((await call('PATCH', `/api/docs/${docId}/members/${me}`, { role: 'editor' })).status).toBe(200)
  // Now the other owner is the last one, and I (an editor) may leave.
  expect(await codeOf(await call('DELETE', `/api/docs/${docId}/members/${other.userId}`, undefined, other))).toBe('last_owner')
  expect((await call('DELETE', `/api/docs/${docId}/members/${me}`)).status).toBe(200)
  expect((await call('GET', `/api/docs/${docId}`)).status).toBe(404)
  expect(await codeOf(await call('PATCH', `/api/docs/${docId}/members/nobody`, { role: 'viewer' }, other))).toBe('member_not_found')
})

test('a share link grants its role to whoever signs in with it, until it is revoked', async () => {
  const server = await startTestServer()
  const call = api(server)
  const docId = await createDoc(server.url, 'Open letter')
  const created = (await (await call('POST', `/api/docs/${docId}/links`, { role: 'editor' })).json()) as { id: string; url: string; role: string }
  expect(created.url).toMatch(new RegExp(`^${server.url}/join/lnk_[A-Za-z0-9_-]{43}$`))
  const token = created.url.split('/join/')[1]!
  const listed = await (await call('GET', `/api/docs/${docId}/links`)).json()
  expect(JSON.stringify(listed)).not.toContain(token)

  const guest = await server.signUp('Gia Guest')
  expect(await (await call('GET', `/api/links/${token}`, undefined, guest)).json()).toEqual({ docId, title: 'Open letter', role: 'editor' })
  expect((await call('GET', `/api/docs/${docId}`, undefined, guest)).status).toBe(404)
  expect(await (await call('POST', `/api/links/${token}/accept`, undefined, guest)).json()).toEqual({ docId, title: 'Open letter', role: 'editor' })
  expect((await call('PATCH', `/api/docs/${docId}`, { title: 'Edited by a guest' }, guest)).status).toBe(200)
  const members = (await (await call('GET', `/api/docs/${docId}/members`)).json()) as { members: { userId: string; viaLink: string | null }[] }
  expect(members.members.find((m) => m.userId === guest.userId)?.viaLink).toBe(created.id)

  // The owner accepting their own link keeps ownership.
  expect(await (await call('POST', `/api/links/${token}/accept`)).json()).toMatchObject({ role: 'owner' })

  expect((await call('DELETE', `/api/docs/${docId}/links/${created.id}`)).status).toBe(200)
  expect((await call('GET', `/api/docs/${docId}`, undefined, guest)).status).toBe(404)
  expect(await codeOf(await call('POST', `/api/links/${token}/accept`, undefined, guest))).toBe('link_not_found')
})

test('the documents list shows only what the person may open, with their role, a page at a time', async () => {
  const server = await startTestServer()
  const call = api(server)
  const other = await server.signUp('Pat Paginator')
  const mine = []
  for (let i = 0; i < 5; i++) mine.push(await createDoc(server.url, `Mine ${i}`))
  await createDoc(server.url, 'Theirs', other)
  expect((await call('POST', `/api/docs/${mine[0]}/members`, { email: other.email, role: 'viewer' })).status).toBe(201)

  const seen: string[] = []
  let cursor: string | null = ''
  let pages = 0
  while (cursor !== null) {
    const page = (await (await call('GET', `/api/docs?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json()) as DocumentsPage
    expect(page.documents.length).toBeLessThanOrEqual(2)
    expect(page.documents.every((d) => d.role === 'owner')).toBe(true)
    seen.push(...page.documents.map((d) => d.id))
    cursor = page.nextCursor
    pages++
  }
  expect(pages).toBe(3)
  expect(seen.sort()).toEqual([...mine].sort())
  const theirs = (await (await call('GET', '/api/docs', undefined, other)).json()) as DocumentsPage
  expect(theirs.documents.map((d) => [d.title, d.role]).sort()).toEqual([['Mine 0', 'viewer'], ['Theirs', 'owner']])
  expect(await codeOf(await call('GET', '/api/docs?limit=1000'))).toBe('invalid_limit')
  expect(await codeOf(await call('GET', '/api/docs?cursor=garbage'))).toBe('invalid_cursor')
})
