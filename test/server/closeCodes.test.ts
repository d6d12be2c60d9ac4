import { beforeEach, describe, expect, test } from 'vitest'
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.js'
import { MAX_FRAME_BYTES } from '../../shared/collabProtocol.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer, type TestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../helpers/yClient.js'
import { apiFetch } from '../helpers/testAuth.js'

let server: TestServer
let docId: string
let alice: TestClient
let bob: TestClient

beforeEach(async () => {
  server = await startTestServer()
  docId = await createDoc(server.url)
  alice = connectClient(server.wsUrl, docId)
  bob = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])
})

/** The room's well-behaved clients still edit together, and the server still answers. */
async function expectRoomStillWorks(word: string): Promise<void> {
  bodyText(alice.doc).insert(0, word)
  await waitFor(() => bodyString(bob.doc).includes(word), { message: `bob to receive "${word}"` })
  const health = await apiFetch(`${server.url}/api/health`)
  expect(health.status).toBe(200)
}

function expectClosedWith(closed: { code: number; reason: string }, name: CloseCodeName): void {
  expect(closed).toEqual({ code: CloseCode[name], reason: name })
}

describe('a bad frame closes only the connection that sent it, with a named code', () => {
  const cases: { what: string; frame: Uint8Array | string; close: CloseCodeName }[] = [
    { what: 'a text frame', frame: 'hello', close: 'textFrame' },
    { what: 'an unknown message type', frame: Uint8Array.of(42), close: 'unknownMessageType' },
    { what: 'an empty frame', frame: new Uint8Array(0), close: 'malformedMessage' },
    { what: 'a sync step 1 cut before its state vector', frame: Uint8Array.of(0, 0), close: 'malformedMessage' },
    { what: 'an update whose length says more bytes follow', frame: Uint8Array.of(0, 2, 10, 1, 2), close: 'malformedMessage' },
    { what: 'an unknown sync step', frame: Uint8Array.of(0, 7, 0), close: 'malformedMessage' },
    { what: 'trailing bytes after a message', frame: Uint8Array.of(3, 99), close: 'malformedMessage' },
  ]
  for (const { what, frame, close } of cases) {
    test(`${what} → ${CloseCode[close]} ${close}`, async () => {
      const raw = openRawSocket(server.wsUrl, docId)
      await raw.opened
      raw.ws.send(frame)
      expectClosedWith(await raw.closed, close)
      await expectRoomStillWorks(`after ${close};`)
      expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true)
    })
  }
})

test('a frame larger than the server accepts → 4413 frameTooLarge (not 1009, after which y-websocket would send it again)', async () => {
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  raw.ws.send(new Uint8Array(MAX_FRAME_BYTES + 1))
  expectClosedWith(await raw.closed, 'frameTooLarge')
  await expectRoomStillWorks('after a huge frame;')
})

describe('a refused document closes the connection at once, with a named code', () => {
  test('an invalid document id → 4406 invalidDocId', async () => {
    for (const badId of ['bad.id', 'x'.repeat(65)]) {
      expectClosedWith(await openRawSocket(server.wsUrl, badId).closed, 'invalidDocId')
    }
    await expectRoomStillWorks('after invalid ids;')
  })

  test('a document that does not exist → 4404 documentNotFound', async () => {
    expectClosedWith(await openRawSocket(server.wsUrl, 'no-such-document').closed, 'documentNotFound')
    await expectRoomStillWorks('after unknown doc;')
  })

  test('a document in the trash → 4410 documentDeleted, for new and already connected clients', async () => {
    const otherDoc = await createDoc(server.url)
    const editor = connectClient(server.wsUrl, otherDoc)
    await waitForSync(editor.provider)
    const editorClosed = new Promise<{ code: number; reason: string }>((resolve) => editor.provider.once('closed', resolve))

    const response = await apiFetch(`${server.url}/api/docs/${otherDoc}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    // A stock provider treats 44xx as final: it reports "closed" and stops retrying.
    expectClosedWith(await editorClosed, 'documentDeleted')
    expectClosedWith(await openRawSocket(server.wsUrl, otherDoc).closed, 'documentDeleted')
    await expectRoomStillWorks('after trashed doc;')
  })
})
