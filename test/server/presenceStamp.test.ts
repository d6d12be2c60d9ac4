import { beforeEach, expect, test } from 'vitest'
import type { Room } from '../../server/collab/Room.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { colourForUser } from '../../shared/userColour.js'
import { awarenessFrame, readAwarenessFrame } from '../helpers/frames.js'
import { openRawSocket, type RawSocket } from '../helpers/rawSocket.js'
import type { Credentials } from '../helpers/testAuth.js'
import { addMember } from '../helpers/testAuth.js'
import { createDoc, startTestServer, type TestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../helpers/yClient.js'

let server: TestServer
let docId: string
/** The document's owner, present in it with a stock client. */
let olga: TestClient
let mallory: Credentials
let room: Room

beforeEach(async () => {
  server = await startTestServer()
  docId = await createDoc(server.url)
  mallory = await server.signUp('Mallory Mallet')
  await addMember(server.url, docId, mallory, 'editor')
  olga = connectClient(server.wsUrl, docId)
  await waitForSync(olga.provider)
  // Olga stays connected through each test, so the room stays loaded.
  room = (await server.server.collab.rooms.peek(docId))!
  olga.awareness.setLocalState({ user: { name: 'Olga', color: '#1f6feb' }, cursor: { anchor: 3, head: 5 } })
  await waitFor(() => statesNow().get(olga.doc.clientID), { message: "olga's presence to reach the server" })
})

/** Presence as the server holds it: what every client is sent. */
function statesNow(): Map<number, Record<string, unknown>> {
  return room.awareness.getStates() as Map<number, Record<string, unknown>>
}

/** A raw connection of Mallory's. */
async function malloryConnects(): Promise<RawSocket> {
  const raw = openRawSocket(server.wsUrl, docId, { auth: mallory })
  await raw.opened
  return raw
}

/**
 * Sends `frame`, then subscribes to saved acks: the server answers a subscription at once, with a message type of
 * its own, so once the answer is here the frame before it has been read (and anything it changed broadcast).
 */
async function sendAndAsk(raw: RawSocket, frame: Uint8Array): Promise<void> {
  raw.ws.send(frame)
  const answer = raw.nextMessage(MessageType.saved)
  raw.ws.send(Uint8Array.of(MessageType.saved))
  await answer
}

const olgasClock = () => olga.awareness.meta.get(olga.doc.clientID)!.clock

test("presence shows the account's name and colour, whatever name the client wrote; the cursor passes", async () => {
  const raw = await malloryConnects()
  await sendAndAsk(raw, awarenessFrame([{ clientId: 4242, clock: 1, state: { user: { name: 'Olga', color: '#1f6feb' }, cursor: { anchor: 1, head: 2 } } }]))
  const shown = { user: { name: 'Mallory Mallet', color: colourForUser(mallory.userId), account: mallory.userId }, cursor: { anchor: 1, head: 2 } }
  expect(statesNow().get(4242)).toEqual(shown)
  await waitFor(() => olga.awareness.getStates().get(4242), { message: "Mallory's presence to reach Olga" })
  expect(olga.awareness.getStates().get(4242)).toEqual(shown)
  // A state without a user, or one that is not even an object, still shows who it is.
  await sendAndAsk(raw, awarenessFrame([{ clientId: 4242, clock: 2, state: 'I am nobody' }]))
  expect(statesNow().get(4242)).toEqual({ user: shown.user })
})

test("another client's id with a higher clock is dropped: Olga's presence stays hers", async () => {
  const raw = await malloryConnects()
  const before = statesNow().get(olga.doc.clientID)
  await sendAndAsk(raw, awarenessFrame([{ clientId: olga.doc.clientID, clock: olgasClock() + 10, state: { user: { name: 'Olga' }, cursor: { anchor: 0, head: 99 } } }]))
  expect(statesNow().get(olga.doc.clientID)).toEqual(before)
  // Nothing of it was relayed: every presence message Mallory got shows Olga as she is.
  const olgaAsSent = raw.received.filter((m) => m[0] === MessageType.awareness).flatMap(readAwarenessFrame).filter((e) => e.clientId === olga.doc.clientID)
  expect(olgaAsSent.map((e) => e.state)).toEqual(olgaAsSent.map(() => before))
  expect(raw.ws.readyState).toBe(raw.ws.OPEN)
  expect(server.logs.some((line) => line.includes('dropped 1 presence states'))).toBe(true)
  // Olga's own next move still counts (her clock was not pushed past hers by the forgery).
  olga.awareness.setLocalStateField('cursor', { anchor: 7, head: 7 })
  await waitFor(() => (statesNow().get(olga.doc.clientID)?.cursor as { anchor: number } | undefined)?.anchor === 7, { message: "Olga's next cursor" })
})

test("removing another client's presence (null with a higher clock) is dropped", async () => {
  const raw = await malloryConnects()
  await sendAndAsk(raw, awarenessFrame([{ clientId: olga.doc.clientID, clock: olgasClock() + 1, state: null }]))
  expect(statesNow().has(olga.doc.clientID)).toBe(true)
  expect(olga.awareness.getStates().has(olga.doc.clientID)).toBe(true)
  expect(raw.ws.readyState).toBe(raw.ws.OPEN)
})

test('an id belongs to the connection that announced it until it is removed; then another may take it', async () => {
  const first = await malloryConnects()
  await sendAndAsk(first, awarenessFrame([{ clientId: 777, clock: 1, state: { cursor: null } }]))
  const second = await malloryConnects()
  // The same account from another connection does not take it either.
  await sendAndAsk(second, awarenessFrame([{ clientId: 777, clock: 5, state: { cursor: { anchor: 1, head: 1 } } }]))
  expect(statesNow().get(777)).toEqual({ cursor: null, user: { name: 'Mallory Mallet', color: colourForUser(mallory.userId), account: mallory.userId } })
  // Its owner removes it (as a closing tab does); the id is free again.
  await sendAndAsk(first, awarenessFrame([{ clientId: 777, clock: 2, state: null }]))
  expect(statesNow().has(777)).toBe(false)
  await sendAndAsk(second, awarenessFrame([{ clientId: 777, clock: 5, state: { cursor: { anchor: 1, head: 1 } } }]))
  expect(statesNow().get(777)).toMatchObject({ cursor: { anchor: 1, head: 1 } })
})

test("a stock client sending the others' states back (as y-websocket does) changes nothing and is not refused", async () => {
  const bob = connectClient(server.wsUrl, docId, { auth: mallory })
  await waitForSync(bob.provider)
  bob.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 })
  await waitFor(() => olga.awareness.getStates().get(bob.doc.clientID), { message: "Bob's presence to reach Olga" })
  olga.awareness.setLocalStateField('cursor', { anchor: 9, head: 9 })
  await waitFor(() => (bob.awareness.getStates().get(olga.doc.clientID)?.cursor as { anchor: number } | undefined)?.anchor === 9)
  expect(server.logs.filter((line) => line.includes('presence states'))).toEqual([])
  expect(bob.provider.wsconnected && olga.provider.wsconnected).toBe(true)
})
