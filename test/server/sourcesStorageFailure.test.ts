import { expect, test } from 'vitest'
import type { ApiErrorBody } from '../../shared/apiTypes.js'
import { toCsl } from '../../shared/sources/index.js'
import { FlakyStorage } from '../helpers/FlakyStorage.js'
import { getSources, postSources } from '../helpers/sourcesApi.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { billVersionInput } from '../shared/fixtures.js'
import { apiFetch } from '../helpers/testAuth.js'

async function startFlakyServer() {
  let storage: FlakyStorage | undefined
  const server = await startTestServer({ storage: (file) => (storage = new FlakyStorage(file)), collab: { retryDelayMs: 20 } })
  return { server, storage: storage! }
}

const bill = toCsl(billVersionInput({ id: 'src_bill00000001' }))

test('when the document cannot be loaded, GET and POST answer 503 storage_unavailable and change nothing', async () => {
  const { server, storage } = await startFlakyServer()
  const docId = await createDoc(server.url)

  storage.failLoads = true
  for (const response of [await apiFetch(`${server.url}/api/docs/${docId}/sources`), await postSources(server.url, docId, [bill])]) {
    expect(response.status).toBe(503)
    const { error } = (await response.json()) as ApiErrorBody
    expect(error.code).toBe('storage_unavailable')
    expect(error.message).toMatch(/Nothing was changed; please try again/)
  }

  expect(server.logs.some((line) => line.includes(`API: loading ${docId} failed`))).toBe(true)

  storage.failLoads = false
  expect(await getSources(server.url, docId)).toEqual([])
})

test('an import is answered only once storage has committed it', async () => {
  const { server, storage } = await startFlakyServer()
  const docId = await createDoc(server.url)
  expect(await getSources(server.url, docId)).toEqual([])

  storage.failAppends = true
  const attemptsBefore = storage.appendAttempts
  let answered = false
  const importing = postSources(server.url, docId, [bill]).then((response) => ((answered = true), response))
  await waitFor(() => storage.appendAttempts >= attemptsBefore + 3, { message: 'the server to retry the failing write' })
  expect(answered).toBe(false)

  storage.failAppends = false
  const response = await importing
  expect(response.status).toBe(201)
  expect(((await response.json()) as { ids: string[] }).ids).toEqual([bill.id])
})
