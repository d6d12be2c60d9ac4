import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { YLayout } from '../../shared/yLayout.js'
import { updateFrame, updateOn } from '../helpers/frames.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { storedDoc } from '../helpers/storedDoc.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('a sync update with trailing garbage is refused whole: not applied, stored or sent to anyone', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const observer = connectClient(server.wsUrl, docId)
  await waitForSync(observer.provider)
  const received: Uint8Array[] = []
  observer.doc.on('update', (update: Uint8Array, origin: unknown) => origin === observer.provider && received.push(update))

  // A well-formed edit (a paragraph), followed by two bytes that belong to no message.
  const garbage = updateOn(new Y.Doc(), (doc) => appendParagraph(doc, 'garbage paragraph'))
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  raw.ws.send(updateFrame(garbage, Uint8Array.of(0xde, 0xad)))
  expect(await raw.closed).toEqual({ code: CloseCode.malformedMessage, reason: 'malformedMessage' })

  // An edit sent after it goes through, so the turn the refused frame arrived in is long over.
  const control = openRawSocket(server.wsUrl, docId)
  await control.opened
  control.ws.send(updateFrame(updateOn(new Y.Doc(), (doc) => appendParagraph(doc, 'control'))))
  await waitFor(() => paragraphTexts(observer.doc).includes('control'), { message: 'the control edit to reach the observer' })

  expect(paragraphTexts(observer.doc)).toEqual(['control'])
  expect(received).toHaveLength(1)
  const room = (await server.server.collab.rooms.peek(docId))!
  expect(paragraphTexts(room.doc)).toEqual(['control'])
  await room.whenSaved()
  const stored = await storedDoc(server.dataDir, docId)
  expect(paragraphTexts(stored)).toEqual(['control'])
  expect([...stored.share.keys()]).toEqual([YLayout.richTextFragment])
})
