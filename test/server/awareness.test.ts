import { expect, test } from 'vitest'
import type { WebSocket } from 'ws'
import { colourForUser } from '../../shared/userColour.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../helpers/yClient.js'

async function twoClientsSeeingEachOther(): Promise<{ alice: TestClient; bob: TestClient; userId: string }> {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const alice = connectClient(server.wsUrl, docId)
  const bob = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])
  alice.awareness.setLocalStateField('user', { name: 'Alice' })
  // Presence shows the account's name, whatever the client wrote (see presenceStamp.test.ts).
  await waitFor(() => bob.awareness.getStates().get(alice.doc.clientID)?.user?.name === server.auth!.name, {
    message: "bob to see alice's presence",
  })
  return { alice, bob, userId: server.auth!.userId }
}

test("a client's presence reaches the others and is removed when it leaves", async () => {
  const { alice, bob, userId } = await twoClientsSeeingEachOther()
  expect(bob.awareness.getStates().get(alice.doc.clientID)).toEqual({ user: { name: 'Test Writer', color: colourForUser(userId), account: userId } })

  alice.destroy()
  await waitFor(() => !bob.awareness.getStates().has(alice.doc.clientID), { message: "alice's presence to disappear for bob" })
})

test('the presence of a client that vanished without saying goodbye is removed by the server', async () => {
  const { alice, bob } = await twoClientsSeeingEachOther()

  // Drop the TCP connection without the awareness "null" message a clean disconnect sends,
  // and keep the provider from reconnecting: only the server can tell bob that alice is gone.
  alice.provider.shouldConnect = false
  ;(alice.provider.ws as unknown as WebSocket).terminate()

  await waitFor(() => !bob.awareness.getStates().has(alice.doc.clientID), {
    message: "the server to remove alice's presence after her socket dropped",
  })
  expect(bob.provider.wsconnected).toBe(true)
})
