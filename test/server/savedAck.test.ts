import { afterEach, expect, test, vi } from 'vitest'
import type { WebSocket } from 'ws'
import { MessageType } from '../../shared/collabProtocol.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

afterEach(() => {
  vi.restoreAllMocks()
})

test('a subscribed client is told once its edit is stored', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(client.provider)
  // The subscription is answered at once with what storage holds (nothing yet for a new document).
  await waitFor(() => client.saved!.ackCount > 0, { message: 'the first saved ack' })

  bodyText(client.doc).insert(0, 'hello')
  expect(client.saved!.isAllSaved()).toBe(false)
  await waitFor(() => client.saved!.isAllSaved(), { message: 'the edit to be acknowledged as saved' })
  expect(client.saved!.savedStateVector().get(client.doc.clientID)).toBe(5)
})

test('a stock client that did not subscribe never receives a saved message', async () => {
  // y-websocket reports a message type it has no handler for this way; our 100 would be such a type.
  const consoleError = vi.spyOn(console, 'error')
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const subscriber = connectClient(server.wsUrl, docId, { savedAcks: true })
  const stock = connectClient(server.wsUrl, docId)
  const firstBytes: number[] = []
  ;(stock.provider.ws as unknown as WebSocket).on('message', (data: Buffer) => firstBytes.push(data[0]!))
  await Promise.all([waitForSync(subscriber.provider), waitForSync(stock.provider)])

  // Both write, so commits (and acks to the subscriber) happen while the stock client listens.
  for (let i = 0; i < 20; i++) {
    bodyText(stock.doc).insert(0, `s${i} `)
    bodyText(subscriber.doc).insert(0, `t${i} `)
    await waitFor(() => subscriber.saved!.isAllSaved(), { message: 'the edits to be saved' })
  }
  await waitFor(() => bodyString(stock.doc) === bodyString(subscriber.doc), {
    message: 'both clients to converge',
  })

  expect(subscriber.saved!.ackCount).toBeGreaterThan(1)
  expect(firstBytes.length).toBeGreaterThan(0)
  expect(firstBytes).not.toContain(MessageType.saved)
  expect(consoleError).not.toHaveBeenCalledWith('Unable to compute message')
})
