import { expect, test } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { CloseCode } from '../../shared/closeCodes.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { openRawSocket, type RawSocket } from '../helpers/rawSocket.js'
import type { AuthOption } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'

/** A raw connection that asks for the document and for everyone's presence the moment it opens. */
function askingSocket(wsUrl: string, docId: string, auth?: AuthOption): RawSocket {
  const raw = openRawSocket(wsUrl, docId, { auth })
  raw.ws.once('open', () => {
    raw.ws.send(Uint8Array.of(MessageType.sync, 0, 1, 0))
    raw.ws.send(Uint8Array.of(MessageType.queryAwareness))
  })
  return raw
}

test('one connection more than an account may hold → 4429 tooManyConnections, with nothing of the document sent', async () => {
  const server = await startTestServer({ security: { maxConnectionsPerAccount: 3 } })
  const docId = await createDoc(server.url)
  const open = [askingSocket(server.wsUrl, docId), askingSocket(server.wsUrl, docId), askingSocket(server.wsUrl, docId)]
  await Promise.all(open.map((raw) => raw.opened))
  await waitFor(() => open.every((raw) => raw.received.length > 0), { message: 'the first three to be served' })

  const refused = askingSocket(server.wsUrl, docId)
  expect(await refused.closed).toEqual({ code: CloseCode.tooManyConnections, reason: 'tooManyConnections' })
  expect(refused.received).toEqual([])
  // Another account is not affected.
  const other = await server.signUp('Other Person')
  const otherDoc = await createDoc(server.url, undefined, other)
  const theirs = askingSocket(server.wsUrl, otherDoc, other)
  await waitFor(() => theirs.received.length > 0, { message: "another account's connection to be served" })

  // Once one closes, the account may connect again.
  open[0]!.ws.close()
  await open[0]!.closed
  await waitFor(
    async () => {
      const again = askingSocket(server.wsUrl, docId)
      const outcome = await Promise.race([again.closed.then(() => 'closed' as const), waitFor(() => again.received.length > 0).then(() => 'served' as const, () => 'closed' as const)])
      again.ws.close()
      return outcome === 'served'
    },
    { message: 'a new connection after one closed' },
  )
})

test('one connection more than an address may hold → HTTP 429 at the upgrade, before credentials are looked at', async () => {
  const server = await startTestServer({ security: { maxConnectionsPerAddress: 2 } })
  const docId = await createDoc(server.url)
  const open = [askingSocket(server.wsUrl, docId), askingSocket(server.wsUrl, docId)]
  await Promise.all(open.map((raw) => raw.opened))

  const refused = askingSocket(server.wsUrl, docId)
  const response = await new Promise<{ status: number; body: string }>((resolve) =>
    refused.ws.once('unexpected-response', (_request, res: IncomingMessage) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    }),
  )
  expect(response.status).toBe(429)
  expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'too_many_connections' } })
  expect(refused.received).toEqual([])
  // The same holds without any credentials at all: the address is counted first.
  const anonymous = openRawSocket(server.wsUrl, docId, { auth: null })
  const status = await new Promise<number>((resolve) => anonymous.ws.once('unexpected-response', (_request, res: IncomingMessage) => resolve(res.statusCode ?? 0)))
  expect(status).toBe(429)

  open[1]!.ws.close()
  await open[1]!.closed
  await waitFor(
    async () => {
      const again = askingSocket(server.wsUrl, docId)
      const served = await Promise.race([again.closed.then(() => false), again.opened.then(() => waitFor(() => again.received.length > 0)).then(() => true, () => false)])
      again.ws.terminate()
      return served
    },
    { message: 'a connection from the address after one closed' },
  )
})
