import { beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { UnsupportedNames } from '../../shared/unsupported/unsupportedNodes.js'
import { YLayout } from '../../shared/yLayout.js'
import { yElement, yParagraph, yText } from '../export/yWrite.js'
import { updateFrame } from '../helpers/frames.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { storedDoc } from '../helpers/storedDoc.js'
import { createDoc, startTestServer, type TestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../helpers/yClient.js'
import { invalidContentCases } from '../shared/invalidYContent.js'

let server: TestServer
let docId: string
let honest: TestClient
let observer: TestClient
/** Changes the server sent the observer (only the honest client and the hostile one ever write). */
let received: number

const statement = (doc: Y.Doc) => doc.getXmlFragment(YLayout.richTextFragment)
const firstRun = (doc: Y.Doc) => (statement(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText

beforeEach(async () => {
  server = await startTestServer()
  docId = await createDoc(server.url)
  honest = connectClient(server.wsUrl, docId)
  observer = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(honest.provider), waitForSync(observer.provider)])
  statement(honest.doc).insert(0, [yParagraph(['Hello '], ['world', { bold: {} }])])
  await waitFor(() => statement(observer.doc).length === 1, { message: 'the first paragraph to reach the observer' })
  received = 0
  observer.doc.on('update', (_update: Uint8Array, origin: unknown) => origin === observer.provider && received++)
})

/**
 * The room after a refusal: the honest client's next edit reaches the observer (so the refused update's turn is
 * over), and the observer, the room and storage hold the first paragraph and that edit, and nothing else.
 */
async function expectDocumentUnchanged(): Promise<void> {
  appendParagraph(honest.doc, 'after the refusal')
  await waitFor(() => paragraphTexts(observer.doc).includes('after the refusal'), { message: 'the honest edit to reach the observer' })
  const expected = ['Hello <bold>world</bold>', 'after the refusal']
  expect(received).toBe(1)
  expect(paragraphTexts(observer.doc)).toEqual(expected)
  const room = (await server.server.collab.rooms.peek(docId))!
  expect(paragraphTexts(room.doc)).toEqual(expected)
  expect([...room.doc.share.keys()]).toEqual([YLayout.richTextFragment])
  await room.whenSaved()
  const stored = await storedDoc(server.dataDir, docId)
  expect(paragraphTexts(stored)).toEqual(expected)
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(room.doc))
  expect(honest.provider.wsconnected && observer.provider.wsconnected).toBe(true)
}

/** A stock provider that syncs the document, then writes `change`: the server closes it with 4423. */
async function hostileProviderWrites(change: (doc: Y.Doc) => void): Promise<void> {
  const hostile = connectClient(server.wsUrl, docId)
  await waitForSync(hostile.provider)
  const closed = new Promise<{ code: number; reason: string }>((resolve) => hostile.provider.once('closed', resolve))
  change(hostile.doc)
  expect(await closed).toEqual({ code: CloseCode.updateRejected, reason: 'updateRejected' })
}

describe('a hostile client that writes content the schema cannot read is closed with 4423, and nothing changes', () => {
  for (const kind of invalidContentCases) {
    test(kind.name, async () => {
      await hostileProviderWrites((doc) => kind.write(statement(doc)))
      await expectDocumentUnchanged()
    })
  }

  const cases: [string, (doc: Y.Doc) => void][] = [
    ['an unknown mark on text already in the document', (doc) => firstRun(doc).format(0, 5, { highlight: { color: 'red' } })],
    ['an unknown attribute on a paragraph already in the document', (doc) => (statement(doc).get(0) as Y.XmlElement).setAttribute('align', 'center')],
    ['a citation directly under the root', (doc) => statement(doc).push([yElement('citation', { sourceId: 'src_1' })])],
    ['a block inside a paragraph already in the document', (doc) => (statement(doc).get(0) as Y.XmlElement).push([yElement('heading', { level: 2 }, yText(['x']))])],
    ['an element inside a text run', (doc) => firstRun(doc).insertEmbed(0, new Y.XmlElement('paragraph'))],
    ['an embed inside a text run', (doc) => firstRun(doc).insertEmbed(0, { image: 'cat.png' })],
    ['the view-only placeholder for unsupported content', (doc) => statement(doc).push([yElement(UnsupportedNames.block, { what: '<pollWidget>' })])],
    ['a write to a root outside the layout', (doc) => doc.getMap('secrets').set('hidden', 'payload')],
  ]
  for (const [name, change] of cases) {
    test(name, async () => {
      await hostileProviderWrites(change)
      await expectDocumentUnchanged()
    })
  }

  test('a string directly under the root, sent over a raw socket', async () => {
    const crafted = new Y.Doc()
    crafted.getText(YLayout.richTextFragment).insert(0, 'stray characters')
    const raw = openRawSocket(server.wsUrl, docId)
    await raw.opened
    raw.ws.send(updateFrame(Y.encodeStateAsUpdate(crafted)))
    expect(await raw.closed).toEqual({ code: CloseCode.updateRejected, reason: 'updateRejected' })
    await expectDocumentUnchanged()
  })

  test('a refusal is logged as one line, without a stack trace', async () => {
    await hostileProviderWrites((doc) => statement(doc).push([new Y.XmlElement('pollWidget')]))
    const lines = server.logs.filter((line) => line.includes('updateRejected'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/<pollWidget> is not a node this version knows/)
    expect(lines[0]).not.toMatch(/ProtocolError|\n\s+at /)
  })
})
