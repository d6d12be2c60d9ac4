import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { join } from 'node:path'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import type { CollabSocket } from '../../server/collab/CollabSocket.js'
import { CollabServer } from '../../server/collab/CollabServer.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { BODY_SEED, bodyString, bodyText } from '../helpers/statementBody.js'
import { tempDir } from '../helpers/tempDir.js'
import { waitFor } from '../helpers/waitFor.js'
import type { CollabPrincipal } from '../../server/collab/access.js'

/** Who the recording sockets are (the access decision is not under test here). */
const testPrincipal: CollabPrincipal = { userId: 'u1', name: 'Tester', colour: '#1f6feb', credential: { kind: 'session', id: 's1' } }

/** A socket that records what the server sends it. */
function recordingSocket(): CollabSocket & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = []
  return {
    updates,
    bufferedAmount: 0,
    isOpen: true,
    send(data) {
      const decoder = decoding.createDecoder(data)
      if (decoding.readVarUint(decoder) !== MessageType.sync) return
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate) updates.push(decoding.readVarUint8Array(decoder))
    },
    close() {},
  }
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

function editBy(clientID: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientID
  bodyText(doc).insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** The letters the updates type (on top of the shared empty paragraph that every edit here starts from). */
const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, BODY_SEED)
  for (const update of updates) Y.applyUpdate(doc, update)
  return [...bodyString(doc)].sort().join('')
}

test('edits arriving in one turn go out as one message per connection, without the receiver’s own edits', async () => {
  const storage = new SqliteStorage(join(tempDir(), 'caucus.sqlite'))
  const docId = 'turnBroadcast'
  await storage.createDocument({ id: docId, title: 'turn', now: Date.now() })
  const collab = new CollabServer(storage, { log: () => {} })
  const [a, b, reader] = [recordingSocket(), recordingSocket(), recordingSocket()]
  const [fromA, fromB] = [a, b, reader].map((socket) => collab.connect(socket, docId, 'write', testPrincipal))
  await waitFor(async () => (await collab.rooms.peek(docId))?.connections.size === 3, { message: 'all three to join' })

  // Two writers' frames handled in the same turn of the event loop.
  fromA!.onMessage(updateFrame(editBy(1, 'a')))
  fromB!.onMessage(updateFrame(editBy(2, 'b')))
  await waitFor(() => reader.updates.length > 0 && a.updates.length > 0 && b.updates.length > 0, { message: 'the broadcast' })
  await new Promise((resolve) => setTimeout(resolve, 50))

  expect(reader.updates).toHaveLength(1)
  expect(textOf(reader.updates)).toBe('ab')
  // Each writer gets only the other's edit.
  expect(a.updates).toHaveLength(1)
  expect(textOf(a.updates)).toBe('b')
  expect(b.updates).toHaveLength(1)
  expect(textOf(b.updates)).toBe('a')

  // And the turn was stored as one entry, which holds both edits.
  await (await collab.rooms.peek(docId))!.whenSaved()
  const stored = await storage.loadUpdates(docId)
  expect(stored).toHaveLength(1)
  expect(textOf(stored)).toBe('ab')
  await collab.close()
  await storage.close()
})

test('one typist’s keystrokes of one turn reach the others as one item, and not back to the typist', async () => {
  const storage = new SqliteStorage(join(tempDir(), 'caucus.sqlite'))
  const docId = 'turnKeystrokes'
  await storage.createDocument({ id: docId, title: 'turn', now: Date.now() })
  const collab = new CollabServer(storage, { log: () => {} })
  const [typist, reader] = [recordingSocket(), recordingSocket()]
  const [fromTypist] = [typist, reader].map((socket) => collab.connect(socket, docId, 'write', testPrincipal))
  await waitFor(async () => (await collab.rooms.peek(docId))?.connections.size === 2, { message: 'both to join' })

  // The paragraph to type into, first, in a turn of its own.
  fromTypist!.onMessage(updateFrame(BODY_SEED))
  await waitFor(() => reader.updates.length > 0, { message: 'the paragraph to reach the reader' })
  reader.updates.length = 0

  // Five keystrokes, each its own update (as a provider sends them), handled in one turn.
  const typed = new Y.Doc()
  typed.clientID = 7
  const body = bodyText(typed)
  const keystrokes: Uint8Array[] = []
  typed.on('update', (update: Uint8Array) => keystrokes.push(update))
  for (const letter of 'hello') body.insert(body.length, letter)
  for (const keystroke of keystrokes) fromTypist!.onMessage(updateFrame(keystroke))
  await waitFor(() => reader.updates.length > 0, { message: 'the broadcast' })
  await new Promise((resolve) => setTimeout(resolve, 50))

  expect(reader.updates).toHaveLength(1)
  const { structs } = Y.decodeUpdate(reader.updates[0]!)
  expect(structs).toHaveLength(1)
  expect(textOf(reader.updates)).toBe('ehllo')
  expect(typist.updates).toHaveLength(0)
  await collab.close()
  await storage.close()
})
