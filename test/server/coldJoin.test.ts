import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { MessageType } from '../../shared/collabProtocol.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** `[sync, step 1, stateVector]` for a client that holds nothing. */
function emptySyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

function readSyncStep(step: number, frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MessageType.sync) return null
  if (decoding.readVarUint(decoder) !== step) return null
  return decoding.readVarUint8Array(decoder)
}
const readSyncStep2 = (frame: Uint8Array) => readSyncStep(syncProtocol.messageYjsSyncStep2, frame)
const isSyncStep1 = (frame: Uint8Array) => readSyncStep(syncProtocol.messageYjsSyncStep1, frame) !== null

test('after a restart, a client that joins with nothing gets the whole stored document, and edits still work', async () => {
  const first = await startTestServer()
  const docId = await createDoc(first.url)
  const writer = connectClient(first.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  const body = bodyText(writer.doc)
  for (let i = 0; i < 30; i++) body.insert(body.length, `line ${i}\n`)
  body.delete(0, 'line 0\n'.length)
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the edits to be saved' })
  const expected = body.toString()
  writer.destroy()
  // Unloading the room folds its log into one entry, the form that is served without decoding it.
  await first.close()

  const restarted = await startTestServer({ dataDir: first.dataDir })
  const socket = openRawSocket(restarted.wsUrl, docId)
  await socket.opened
  socket.ws.send(emptySyncStep1())
  const step2 = await waitFor(() => socket.received.map(readSyncStep2).find((update) => update !== null), { message: 'sync step 2' })
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, step2)
  expect(bodyString(fresh)).toBe(expected)
  // The answer came from the stored bytes: the server has not needed to decode the document yet.
  const room = await restarted.server.collab.rooms.peek(docId)
  expect(room?.stored.isLoaded).toBe(false)
  // It answers first and asks second: its own sync step 1 (its state vector) follows the reply.
  await waitFor(() => socket.received.some(isSyncStep1), { message: "the server's sync step 1" })
  expect(socket.received.findIndex(isSyncStep1)).toBeGreaterThan(socket.received.findIndex((frame) => readSyncStep2(frame) !== null))

  // A stock client editing now makes the server load it; the edit lands after the stored text.
  const editor = connectClient(restarted.wsUrl, docId, { savedAcks: true })
  await waitForSync(editor.provider)
  bodyText(editor.doc).insert(0, 'first ')
  await waitFor(() => editor.saved!.isAllSaved(), { message: 'the new edit to be saved' })
  expect(room?.stored.isLoaded).toBe(true)
  expect(room && bodyString(room.doc)).toBe(`first ${expected}`)
})
