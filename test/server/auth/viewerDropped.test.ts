import * as Y from 'yjs'
import { beforeEach, expect, test } from 'vitest'
import { MessageType } from '../../../shared/collabProtocol.js'
import { authScenario, SECRET_TEXT, type AuthScenario } from '../../helpers/authScenario.js'
import { QUERY_AWARENESS, syncStep2Frame, updateFrame, updateOn } from '../../helpers/frames.js'
import { openRawSocket } from '../../helpers/rawSocket.js'
import { appendParagraph, bodyString } from '../../helpers/statementBody.js'
import { storedDoc } from '../../helpers/storedDoc.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

let s: AuthScenario

beforeEach(async () => {
  s = await authScenario()
})

const VIEWER_WORDS = 'written by a viewer'

/** What the owner, a newcomer and storage hold: the statement as the owner wrote it, nothing of the viewers'. */
async function expectNothingOfTheViewers(): Promise<void> {
  await waitFor(() => s.ownerClient.saved!.isAllSaved(), { message: "the owner's edits to be saved" })
  const newcomer = connectClient(s.server.wsUrl, s.docId)
  await waitForSync(newcomer.provider)
  const stored = await storedDoc(s.server.dataDir, s.docId)
  for (const doc of [s.ownerClient.doc, newcomer.doc, stored]) {
    expect(bodyString(doc)).toContain(SECRET_TEXT)
    expect(bodyString(doc)).not.toContain(VIEWER_WORDS)
  }
  expect(Y.encodeStateVector(newcomer.doc)).toEqual(Y.encodeStateVector(s.ownerClient.doc))
}

test("a stock client of a viewer stays connected: its thousand edits are dropped, and it still receives everyone's", async () => {
  const viewer = connectClient(s.server.wsUrl, s.docId, { auth: s.viewer })
  await waitForSync(viewer.provider)
  expect(bodyString(viewer.doc)).toContain(SECRET_TEXT)
  const closes: number[] = []
  viewer.provider.on('connection-close', (event) => event && closes.push(event.code))

  // A thousand edits, each its own update message, as typing would send them.
  for (let i = 0; i < 1000; i++) appendParagraph(viewer.doc, `${VIEWER_WORDS} #${i}`)
  // Its presence goes out after the edits on the same socket: once the owner sees it, the server has read them all.
  viewer.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 })
  await waitFor(() => s.ownerClient.awareness.getStates().get(viewer.doc.clientID)?.cursor, { message: "the viewer's presence after its edits" })

  appendParagraph(s.ownerClient.doc, 'the owner writes on')
  await waitFor(() => bodyString(viewer.doc).includes('the owner writes on'), { message: "the owner's edit to reach the viewer" })
  await expectNothingOfTheViewers()
  expect(closes).toEqual([])
  expect(viewer.provider.wsconnected).toBe(true)
  // Reported once for the connection, not once per edit.
  expect(s.server.logs.filter((line) => line.includes('dropping updates from read-only connection'))).toHaveLength(1)
})

test('a raw viewer sending a thousand updates and sync step 2 messages with content changes nothing, and keeps reading', async () => {
  const raw = openRawSocket(s.server.wsUrl, s.docId, { auth: s.viewer })
  await raw.opened
  raw.ws.send(Uint8Array.of(MessageType.sync, 0, 1, 0)) // sync step 1: "send me the document"
  await waitFor(() => raw.received.some((frame) => Buffer.from(frame).includes(SECRET_TEXT)), { message: 'the document to reach the viewer' })

  for (let i = 0; i < 500; i++) {
    const update = updateOn(s.ownerClient.doc, (doc) => appendParagraph(doc, `${VIEWER_WORDS} #${i}`))
    raw.ws.send(updateFrame(update))
    raw.ws.send(syncStep2Frame(update))
  }
  const answered = raw.nextMessage(MessageType.awareness)
  raw.ws.send(QUERY_AWARENESS)
  await answered

  const before = raw.received.length
  appendParagraph(s.ownerClient.doc, 'the owner writes on')
  await waitFor(() => raw.received.slice(before).some((frame) => Buffer.from(frame).includes('the owner writes on')), {
    message: "the owner's edit to reach the raw viewer",
  })
  await expectNothingOfTheViewers()
  expect(raw.ws.readyState).toBe(raw.ws.OPEN)
  expect(s.server.logs.filter((line) => line.includes('dropping updates from read-only connection'))).toHaveLength(1)
})
