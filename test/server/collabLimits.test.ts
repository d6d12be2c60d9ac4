import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { YLayout } from '../../shared/yLayout.js'
import type { CollabLimits } from '../../server/collab/limits.js'
import { awarenessFrame, readAwarenessFrame } from '../helpers/frames.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { appendParagraph, bodyString, paragraphTexts } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** A server (with these limits) and a document that Olga and Bob have open with stock clients. */
async function room(limits: Partial<CollabLimits> = {}) {
  const server = await startTestServer({ security: limits })
  const docId = await createDoc(server.url)
  const olga = connectClient(server.wsUrl, docId)
  const bob = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(olga.provider), waitForSync(bob.provider)])
  const closes: number[] = []
  for (const client of [olga, bob]) client.provider.on('connection-close', (event) => event && closes.push(event.code))
  /** Olga and Bob still write to each other and were never disconnected. */
  const stillWorks = async (word: string) => {
    appendParagraph(olga.doc, word)
    await waitFor(() => bodyString(bob.doc).includes(word), { message: `bob to receive "${word}"` })
    expect(closes).toEqual([])
  }
  return { server, docId, olga, bob, stillWorks }
}

const closedWith = (name: CloseCodeName) => ({ code: CloseCode[name], reason: name })

/** About 50 printed pages: 600 paragraphs of some 250 characters (150,000 characters in all). */
function fiftyPages(doc: Y.Doc): void {
  const sentence = 'The committee finds that the measure, as amended, meets the requirements set out in section 4 of the act. '
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  doc.transact(() => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`${i + 1}. ${sentence.repeat(2)}`.slice(0, 250))])
      return paragraph
    })
    fragment.insert(fragment.length, paragraphs)
  })
}

test('a 50-page statement pasted at once arrives whole (the default frame limit leaves room for it)', async () => {
  const { olga, bob, stillWorks } = await room()
  let pasteBytes = 0
  olga.doc.once('update', (update: Uint8Array) => (pasteBytes = update.length))
  fiftyPages(olga.doc)
  await waitFor(() => paragraphTexts(bob.doc).length >= 600, { message: 'the paste to reach bob' })
  expect(paragraphTexts(bob.doc)).toEqual(paragraphTexts(olga.doc))
  expect(pasteBytes).toBeGreaterThan(150_000)
  await stillWorks('after the paste')
})

test('a frame over the configured limit → 4413 frameTooLarge, before it is read; a stock client stops resending it', async () => {
  const { server, docId, stillWorks } = await room({ maxFrameBytes: 64 * 1024 })
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  raw.ws.send(new Uint8Array(64 * 1024 + 1))
  expect(await raw.closed).toEqual(closedWith('frameTooLarge'))

  const paster = connectClient(server.wsUrl, docId)
  await waitForSync(paster.provider)
  const stopped = new Promise<{ code: number; reason: string }>((resolve) => paster.provider.once('closed', resolve))
  fiftyPages(paster.doc)
  expect(await stopped).toEqual(closedWith('frameTooLarge'))
  await stillWorks('after the huge frames')
})

test('messages faster than the token bucket allows → 4529 tooManyMessages (retry later); the others carry on', async () => {
  const { server, docId, stillWorks } = await room({ messagesPerSecond: 20, messageBurst: 100 })
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  for (let i = 0; i < 300; i++) raw.ws.send(Uint8Array.of(MessageType.queryAwareness))
  expect(await raw.closed).toEqual(closedWith('tooManyMessages'))
  // At most the burst (and what trickled in meanwhile) was answered.
  expect(raw.received.filter((frame) => frame[0] === MessageType.awareness).length).toBeLessThan(150)
  await stillWorks('after the flood')
})

test('the default rate does not bite a fast typist: 500 keystrokes, each with a cursor move, sent at once', async () => {
  const { olga, bob, stillWorks } = await room()
  const text = () => {
    const fragment = olga.doc.getXmlFragment(YLayout.richTextFragment)
    return (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText
  }
  appendParagraph(olga.doc, '')
  for (let i = 0; i < 500; i++) {
    text().insert(i, 'x')
    olga.awareness.setLocalStateField('cursor', { anchor: i + 1, head: i + 1 })
  }
  await waitFor(() => bodyString(bob.doc).includes('x'.repeat(500)), { message: 'all 500 keystrokes to reach bob' })
  await stillWorks('after typing fast')
})

test('a 15 MB presence state → 4431 presenceTooLarge; nobody is sent any of it', async () => {
  const { server, docId, olga, stillWorks } = await room()
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  raw.ws.send(awarenessFrame([{ clientId: 9001, clock: 1, state: { cursor: 'x'.repeat(15 * 1024 * 1024) } }]))
  expect(await raw.closed).toEqual(closedWith('presenceTooLarge'))
  expect(olga.awareness.getStates().has(9001)).toBe(false)
  await stillWorks('after the huge presence')
  expect(olga.awareness.getStates().has(9001)).toBe(false)
})

test('one frame announcing 20,000 client ids → 4432 tooManyClientIds, refused whole and not broadcast', async () => {
  const { server, docId, olga, stillWorks } = await room()
  const watcher = openRawSocket(server.wsUrl, docId)
  await watcher.opened
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  const entries = Array.from({ length: 20_000 }, (_, i) => ({ clientId: 100_000 + i, clock: 1, state: { cursor: null } }))
  raw.ws.send(awarenessFrame(entries))
  expect(await raw.closed).toEqual(closedWith('tooManyClientIds'))
  await stillWorks('after the id flood')
  const theRoom = (await server.server.collab.rooms.peek(docId))!
  const forged = (id: number) => id >= 100_000 && id < 120_000
  expect([...theRoom.awareness.getStates().keys()].filter(forged)).toEqual([])
  const relayed = watcher.received.filter((frame) => frame[0] === MessageType.awareness).flatMap(readAwarenessFrame)
  expect(relayed.filter((entry) => forged(entry.clientId))).toEqual([])
  expect([...olga.awareness.getStates().keys()].filter(forged)).toEqual([])
})

test("presence changes beyond the account's budget → 4529, and reconnecting does not renew it; the others' echoes are free", async () => {
  const { server, docId, stillWorks } = await room({ presenceBurst: 50, presencePerSecond: 0.001 })
  const raw = openRawSocket(server.wsUrl, docId)
  await raw.opened
  // Each change is relayed to Olga and Bob, whose stock clients send it back: those echoes must not close them.
  for (let clock = 1; clock <= 100; clock++) raw.ws.send(awarenessFrame([{ clientId: 31337, clock, state: { cursor: { anchor: clock, head: clock } } }]))
  expect(await raw.closed).toEqual(closedWith('tooManyMessages'))
  const again = openRawSocket(server.wsUrl, docId)
  await again.opened
  again.ws.send(awarenessFrame([{ clientId: 31338, clock: 1, state: { cursor: null } }]))
  expect(await again.closed).toEqual(closedWith('tooManyMessages'))
  await stillWorks('after the presence flood')
})
