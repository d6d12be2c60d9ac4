import { expect, test } from 'vitest'
import { FlakyStorage } from '../helpers/FlakyStorage.js'
import { rawHttp } from '../helpers/rawHttp.js'
import { startTestServer } from '../helpers/testServer.js'

test('GET /api/ready is 200 while storage answers and 503 while it fails; /api/health stays 200', async () => {
  let storage: FlakyStorage | undefined
  const server = await startTestServer({ storage: (file) => (storage = new FlakyStorage(file)) })
  const ready = await fetch(`${server.url}/api/ready`)
  expect(ready.status).toBe(200)
  expect(await ready.json()).toEqual({ ready: true })

  storage!.failReads = true
  const unready = await fetch(`${server.url}/api/ready`)
  expect(unready.status).toBe(503)
  expect(await unready.json()).toMatchObject({ ready: false, error: { code: 'storage_unavailable' } })
  // Liveness is not readiness: the process is alive, restarting it would not bring storage back.
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)

  storage!.failReads = false
  expect((await fetch(`${server.url}/api/ready`)).status).toBe(200)
})

test('load balancers may probe readiness by address (no configured Host needed)', async () => {
  const server = await startTestServer()
  expect((await rawHttp(`${server.url}/api/ready`, { headers: { host: '10.0.0.7' } })).status).toBe(200)
})
