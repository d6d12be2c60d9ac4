import { WebSocket } from 'ws'
import { expect, test } from 'vitest'
import { startTestServer } from '../helpers/testServer.js'

test('plain HTTP on the collaboration path gets a 426 in the API error shape', async () => {
  const server = await startTestServer()
  const response = await fetch(`${server.url}/collab/anything`)
  expect(response.status).toBe(426)
  const body = (await response.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe('upgrade_required')
  expect(body.error.message).toMatch(/websocket/)
})

test('a websocket upgrade anywhere but /collab/<docId> is refused with 404 before any websocket exists', async () => {
  const server = await startTestServer()
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/docs`)
  const status = await new Promise<number>((resolve, reject) => {
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    ws.on('open', () => reject(new Error('the upgrade was accepted')))
    ws.on('error', () => {})
  })
  expect(status).toBe(404)
  expect(server.server.collab.connectionCount).toBe(0)
})
