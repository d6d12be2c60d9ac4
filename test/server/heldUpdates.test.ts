import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { YLayout } from '../../shared/yLayout.js'
import { yParagraph } from '../export/yWrite.js'
import { updateFrame } from '../helpers/frames.js'
import { openRawSocket, type RawSocket } from '../helpers/rawSocket.js'
import { paragraphTexts } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** A client's edits as it sends them: a paragraph, then formatting on its text (which needs the paragraph). */
function paragraphThenFormatting(formatting: Record<string, unknown>): [paragraph: Uint8Array, formatting: Uint8Array] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const statement = doc.getXmlFragment(YLayout.richTextFragment)
  statement.push([yParagraph(['written offline'])])
  ;((statement.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 7, formatting)
  return [updates[0]!, updates[1]!]
}

/** Sends a frame and waits until the server has read it (it answers the query-awareness probe after it). */
async function sendAndWait(socket: RawSocket, frame: Uint8Array): Promise<void> {
  socket.ws.send(frame)
  socket.ws.send(Uint8Array.of(MessageType.queryAwareness))
  await socket.nextMessage(MessageType.awareness)
}

test('an update that arrives before the edits it builds on waits for them, then applies', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const observer = connectClient(server.wsUrl, docId)
  await waitForSync(observer.provider)
  const [paragraph, bold] = paragraphThenFormatting({ bold: {} })

  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  await sendAndWait(raw, updateFrame(bold))
  // Not applied (Yjs could not place it yet), and not refused either.
  expect(paragraphTexts((await server.server.collab.rooms.peek(docId))!.doc)).toEqual([])
  await sendAndWait(raw, updateFrame(paragraph))
  await waitFor(() => paragraphTexts(observer.doc)[0] === '<bold>written</bold> offline', { message: () => `the formatted paragraph (observer has ${JSON.stringify(paragraphTexts(observer.doc))})` })
  expect(raw.ws.readyState).toBe(raw.ws.OPEN)
})

test('a waiting update is judged once what it builds on arrives: content outside the schema is refused then', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const observer = connectClient(server.wsUrl, docId)
  await waitForSync(observer.provider)
  const [paragraph, highlight] = paragraphThenFormatting({ highlight: { color: 'red' } })

  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  await sendAndWait(raw, updateFrame(highlight))
  raw.ws.send(updateFrame(paragraph))
  expect(await raw.closed).toEqual({ code: CloseCode.updateRejected, reason: 'updateRejected' })
  // The paragraph itself was fine and stays; the formatting never reached anyone.
  await waitFor(() => paragraphTexts(observer.doc).length === 1, { message: 'the paragraph to reach the observer' })
  expect(paragraphTexts(observer.doc)).toEqual(['written offline'])
  expect(paragraphTexts((await server.server.collab.rooms.peek(docId))!.doc)).toEqual(['written offline'])
})
