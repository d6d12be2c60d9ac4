import * as encoding from 'lib0/encoding'
import { expect, test } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** `[awareness, update]` announcing one presence, as a client's first message after connecting would. */
function presenceMessage(name: string): { clientId: number; message: Uint8Array } {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name } })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
  awareness.destroy()
  return { clientId: doc.clientID, message: encoding.toUint8Array(encoder) }
}

test('a peer that stops answering pings is dropped and its presence removed; live peers stay', async () => {
  const heartbeatMs = 50
  const server = await startTestServer({ heartbeatMs })
  const docId = await createDoc(server.url)
  const live = connectClient(server.wsUrl, docId)
  await waitForSync(live.provider)

  // A socket that never answers pings: what a laptop that went to sleep looks like to the server.
  const silent = openRawSocket(server.wsUrl, docId, { autoPong: false })
  await silent.opened
  const { clientId, message } = presenceMessage('Sleepy')
  silent.ws.send(message)
  await waitFor(() => live.awareness.getStates().has(clientId), { message: "the silent peer's presence to appear" })

  const closed = await silent.closed
  // Terminated, not closed politely: no close frame reaches a peer that is presumed gone.
  expect(closed.code).toBe(1006)
  await waitFor(() => !live.awareness.getStates().has(clientId), { message: "the silent peer's presence to be removed" })

  // The live client answered every ping meanwhile: still connected, still in sync.
  expect(live.provider.wsconnected).toBe(true)
  bodyText(live.doc).insert(0, 'still here')
  const reader = connectClient(server.wsUrl, docId)
  await waitForSync(reader.provider)
  await waitFor(() => bodyString(reader.doc) === 'still here', { message: 'the live edit to reach a reader' })
})
