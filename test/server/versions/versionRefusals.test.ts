import { expect, test } from 'vitest'
import { appendParagraph } from '../../helpers/statementBody.js'
import { addMember, apiFetch } from '../../helpers/testAuth.js'
import { createDoc, startTestServer, type TestServer } from '../../helpers/testServer.js'
import { callApi, nameVersion, proposeVersion } from '../../helpers/versionsApi.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../../helpers/yClient.js'

const SECRET = 'Confidential: the coalition will endorse on Friday'

/** A document with its secret text in versions 1 (named) and 2 (restorable), its owner's client connected. */
async function documentWithVersions(server: TestServer): Promise<{ docId: string; owner: TestClient }> {
  const docId = await createDoc(server.url, 'Confidential statement')
  const owner = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(owner.provider)
  appendParagraph(owner.doc, SECRET)
  await waitFor(() => owner.saved!.isAllSaved(), { message: 'the secret text to be saved' })
  await nameVersion(server.url, docId, 'First')
  appendParagraph(owner.doc, 'More.')
  await waitFor(() => owner.saved!.isAllSaved(), { message: 'the second edit to be saved' })
  await nameVersion(server.url, docId, 'Second')
  return { docId, owner }
}

test('viewers read the history but cannot name, restore, propose or vote; strangers get 404 and signed-out callers 401, with no byte of the text', async () => {
  const server = await startTestServer()
  const { docId } = await documentWithVersions(server)
  const [viewer, editor, stranger] = [await server.signUp('Vera Viewer'), await server.signUp('Eddie Editor'), await server.signUp('Sam Stranger')]
  await addMember(server.url, docId, viewer, 'viewer')
  await addMember(server.url, docId, editor, 'editor')
  await proposeVersion(server.url, docId, 2)

  const reads: [string, string][] = [
    ['GET', `/api/docs/${docId}/versions`],
    ['GET', `/api/docs/${docId}/versions/1`],
    ['GET', `/api/docs/${docId}/versions/1/export.md`],
    ['GET', `/api/docs/${docId}/versions/1/diff/2`],
    ['GET', `/api/docs/${docId}/versions/2/votes`],
    ['GET', `/api/docs/${docId}/adoption`],
  ]
  const writes: [string, string, unknown][] = [
    ['POST', `/api/docs/${docId}/versions`, { name: 'By a viewer' }],
    ['POST', `/api/docs/${docId}/versions/1/restore`, undefined],
    ['POST', `/api/docs/${docId}/versions/1/propose`, { name: 'Proposed by a viewer' }],
    ['POST', `/api/docs/${docId}/versions/2/votes`, { vote: 'approve' }],
  ]
  for (const [method, path] of reads) expect((await callApi(server.url, method, path, undefined, viewer)).status, `${method} ${path}`).toBe(200)
  for (const [method, path, body] of writes) {
    const answer = await callApi<{ error: { code: string; message: string } }>(server.url, method, path, body, viewer)
    expect(answer.status, `${method} ${path}`).toBe(403)
    expect(answer.body.error.code).toBe('forbidden')
  }
  for (const [method, path, body] of [...reads.map(([m, p]) => [m, p, undefined] as const), ...writes]) {
    const strangers = await callApi(server.url, method, path, body, stranger)
    expect(strangers.status, `${method} ${path} as a stranger`).toBe(404)
    expect(JSON.stringify(strangers.body)).not.toContain('coalition')
    expect((await callApi(server.url, method, path, body, null)).status, `${method} ${path} signed out`).toBe(401)
  }
  // Nothing the refused requests asked for happened.
  const list = await callApi<{ versions: unknown[] }>(server.url, 'GET', `/api/docs/${docId}/versions`)
  expect(list.body.versions).toHaveLength(2)
  expect((await callApi<{ votes: unknown[] }>(server.url, 'GET', `/api/docs/${docId}/versions/2/votes`)).body.votes).toEqual([])

  // Editors may do all of it.
  expect((await callApi(server.url, 'POST', `/api/docs/${docId}/versions`, { name: 'By an editor' }, editor)).status).toBe(201)
  expect((await callApi(server.url, 'POST', `/api/docs/${docId}/versions/2/votes`, { vote: 'object' }, editor)).status).toBe(200)
  expect((await callApi(server.url, 'POST', `/api/docs/${docId}/versions/1/restore`, undefined, editor)).status).toBe(201)
})

test('unknown versions are 404, malformed numbers, names and votes 400, and out-of-order adoption steps 409', async () => {
  const server = await startTestServer()
  const { docId, owner } = await documentWithVersions(server)
  const call = (method: string, path: string, body?: unknown) => callApi<{ error: { code: string; message: string; issues?: { path: string; message: string }[] } }>(server.url, method, `/api/docs/${docId}${path}`, body)

  for (const [method, path, body] of [
    ['GET', '/versions/99'],
    ['GET', '/versions/99/export.md'],
    ['GET', '/versions/1/diff/99'],
    ['GET', '/versions/99/votes'],
    ['POST', '/versions/99/restore'],
    ['POST', '/versions/99/propose', { name: 'Nothing' }],
    ['POST', '/versions/99/votes', { vote: 'approve' }],
  ] as [string, string, unknown?][]) {
    const answer = await call(method, path, body)
    expect(answer.status, `${method} ${path}`).toBe(404)
    expect(answer.body.error).toMatchObject({ code: 'version_not_found', message: expect.stringContaining('has no version 99') })
  }
  for (const path of ['/versions/abc', '/versions/0', '/versions/1.5/export.md', '/versions/1/diff/-2', '/versions?before=x']) {
    const answer = await call('GET', path)
    expect(answer.status, path).toBe(400)
    expect(answer.body.error.code).toBe('invalid_version')
  }
  expect((await call('GET', '/versions?limit=0')).body.error.code).toBe('invalid_limit')
  expect((await call('GET', '/versions/1/export.md?style=apa')).body.error.code).toBe('invalid_style')

  const badNames: [unknown, RegExp][] = [
    [{ name: '' }, /Give the version a name/],
    [{ name: '   ' }, /Give the version a name/],
    [{ name: 'Draft\u0007' }, /control characters/],
    [{ name: 'Draft \u202eevil' }, /text-direction overrides/],
    [{ name: '\u200b\u200b' }, /at least one visible character/],
    [{ name: 'x'.repeat(201) }, /at most 200 characters/],
    [{ name: 'x'.repeat(50_000) }, /at most 200 characters/],
    [{ name: 42 }, /must be text/],
    [{}, /./],
    [{ name: 'Fine', extra: true }, /Unknown field/],
  ]
  for (const [body, message] of badNames) {
    const answer = await call('POST', '/versions', body)
    expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400)
    expect(answer.body.error.code).toBe('invalid_body')
    expect(answer.body.error.message).toMatch(message)
  }
  expect((await call('POST', '/versions', undefined)).body.error.code).toBe('invalid_body')
  const notJson = await apiFetch(`${server.url}/api/docs/${docId}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' })
  expect(notJson.status).toBe(400)
  expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json' } })

  // Votes need a proposed version and a real choice; a version is proposed once; an unnamed one needs a name.
  expect((await call('POST', '/versions/1/votes', { vote: 'approve' })).body.error.code).toBe('version_not_proposed')
  expect((await call('POST', '/versions/1/propose', {})).status).toBe(200)
  expect((await call('POST', '/versions/1/propose', { name: 'Again' })).body.error.code).toBe('already_proposed')
  const badVotes = [{ vote: 'maybe' }, { vote: 'approve', comment: 'x'.repeat(2001) }, { vote: 'approve', comment: 'bad \u0000 byte' }, {}]
  for (const body of badVotes) expect((await call('POST', '/versions/1/votes', body)).status, JSON.stringify(body).slice(0, 40)).toBe(400)
  expect((await call('GET', '/versions/1/export.md?adopted=1')).body.error.code).toBe('not_adopted')

  // An automatic version has no name: proposing it takes one (the room unloads when its last client leaves).
  appendParagraph(owner.doc, 'Written just before the room unloads.')
  await waitFor(() => owner.saved!.isAllSaved(), { message: 'the edit to be saved' })
  owner.destroy()
  await waitFor(async () => (await call('GET', '/versions/3')).status === 200, { message: 'the automatic version taken on unload' })
  expect((await call('POST', '/versions/3/propose', {})).body.error.code).toBe('name_required')
  expect((await call('POST', '/versions/3/propose', { name: 'Named now' })).status).toBe(200)

  // A document in the trash keeps its history out of reach until it is restored.
  await callApi(server.url, 'DELETE', `/api/docs/${docId}`)
  expect((await call('GET', '/versions')).status).toBe(410)
})
