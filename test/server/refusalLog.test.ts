import { expect, test } from 'vitest'
import { openRawSocket } from '../helpers/rawSocket.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'

const REFUSED_CONNECTIONS = 300

/** Opens `count` connections one after another, each sending one malformed frame and closed for it. */
async function flood(wsUrl: string, docId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const socket = openRawSocket(wsUrl, docId)
    await socket.opened
    // A truncated sync message, then text frames: only the first is answered (with a close), nothing else logged.
    socket.ws.send(Uint8Array.of(0, 2))
    socket.ws.send('and more')
    socket.ws.send('and more')
    await socket.closed
  }
}

test('a flood of refused connections writes a bounded number of lines, then says how many it left out', async () => {
  const server = await startTestServer({ collab: { refusalLog: { maxLines: 5, windowMs: 60_000 } } })
  const docId = await createDoc(server.url)
  await flood(server.wsUrl, docId, REFUSED_CONNECTIONS)
  const refusals = server.logs.filter((line) => line.startsWith('closing connection'))
  expect(refusals).toHaveLength(5)
  for (const line of refusals) expect(line).toMatch(/^closing connection \d+ to \w+: malformedMessage \([^\n]*\)$/)
  // The summary comes when the window ends, or (as here) when the server stops.
  await server.close()
  expect(server.logs.filter((line) => line.startsWith('…'))).toEqual([`… ${REFUSED_CONNECTIONS - 5} more refusals suppressed in the last 60 s`])
  expect(server.logs).toHaveLength(6)
})

test('a window that ends writes its summary by itself', async () => {
  const server = await startTestServer({ collab: { refusalLog: { maxLines: 1, windowMs: 1_000 } } })
  const docId = await createDoc(server.url)
  await flood(server.wsUrl, docId, 30)
  const written = () => server.logs.filter((line) => line.startsWith('closing connection')).length
  const counted = () => server.logs.map((line) => Number(/^… (\d+) more refusals suppressed/.exec(line)?.[1] ?? 0)).reduce((a, b) => a + b, 0)
  // Every refusal is written or counted in a summary, without the server stopping.
  await waitFor(() => written() + counted() === 30, { message: () => `every refusal to be written or counted (${written()} + ${counted()})` })
  expect(counted()).toBeGreaterThan(0)
})
