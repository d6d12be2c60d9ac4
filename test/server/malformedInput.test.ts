import { expect, test } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { YLayout } from '../../shared/yLayout.js'
import { fuzzFrame, sampleMessages, type FuzzKind } from '../helpers/fuzzFrames.js'
import { createPrng } from '../helpers/prng.js'
import { openRawSocket, type RawSocket } from '../helpers/rawSocket.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

const SEED = 0xc0ffee
const FRAMES = 3000
const KINDS: FuzzKind[] = ['random', 'truncated', 'bitFlipped', 'bitFlipped', 'unknownType', 'text', 'empty', 'valid']
const OUR_CODES = new Set<number>(Object.values(CloseCode))

/** `[queryAwareness]`: always answered with an awareness message, so it shows the frame before it was read. */
const probe = (() => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.queryAwareness)
  return encoding.toUint8Array(encoder)
})()

test('thousands of malformed frames never hurt the server, the document or a well-behaved client', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const good = connectClient(server.wsUrl, docId)
  const goodCloses: number[] = []
  good.provider.on('connection-close', (event) => event && goodCloses.push(event.code))
  await waitForSync(good.provider)
  // Nobody else edits: any change the server sends the good client came from the fuzzer.
  let receivedChanges = 0
  good.doc.on('update', (_update: Uint8Array, origin: unknown) => origin === good.provider && receivedChanges++)

  // The well-behaved client keeps typing through the whole run, a paragraph at a time.
  const goodTokens: string[] = []
  const typing = setInterval(() => {
    const token = `good-${goodTokens.length}`
    appendParagraph(good.doc, token)
    goodTokens.push(token)
  }, 10)

  const prng = createPrng(SEED)
  const samples = sampleMessages()
  const closeCodes = new Map<number, number>()
  let socket: RawSocket | null = null
  try {
    for (let i = 0; i < FRAMES; i++) {
      if (!socket || socket.ws.readyState !== socket.ws.OPEN) {
        // The server closing a socket after a bad frame is expected: note how, and open another.
        if (socket) {
          const { code } = await socket.closed
          closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
        }
        socket = openRawSocket(server.wsUrl, docId)
        await socket.opened
      }
      socket.ws.send(fuzzFrame(prng.pick(KINDS), samples, prng))
      socket.ws.send(probe)
      // Wait until the server has read the frame (it answered the probe after it) or closed the socket.
      await Promise.race([socket.closed, socket.nextMessage(MessageType.awareness)])
    }
  } finally {
    clearInterval(typing)
    socket?.ws.close()
  }

  // Every connection the server ended was ended on purpose, with one of our named codes.
  expect([...closeCodes.keys()].filter((code) => !OUR_CODES.has(code))).toEqual([])
  expect([...closeCodes.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(FRAMES / 4)
  expect(goodCloses).toEqual([])
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)

  // The fuzzer changed nothing anyone has: the good client was sent no change at all, and a fresh client
  // holds exactly what the good client typed, in order, and nothing outside the statement.
  expect(receivedChanges).toBe(0)
  const fresh = connectClient(server.wsUrl, docId)
  await waitForSync(fresh.provider)
  await waitFor(() => paragraphTexts(fresh.doc).length === goodTokens.length, { message: 'all good edits to reach a fresh client' })
  expect(paragraphTexts(fresh.doc)).toEqual(goodTokens)
  expect([...fresh.doc.share.keys()]).toEqual([YLayout.richTextFragment])
  expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(good.doc))

  // And what is stored loads again after a restart: the good client's edits and nothing else.
  good.destroy()
  fresh.destroy()
  await server.close()
  const restarted = await startTestServer({ dataDir: server.dataDir })
  const afterRestart = connectClient(restarted.wsUrl, docId)
  await waitForSync(afterRestart.provider)
  expect(paragraphTexts(afterRestart.doc)).toEqual(goodTokens)
  expect([...afterRestart.doc.share.keys()]).toEqual([YLayout.richTextFragment])
  console.info(`fuzz: ${FRAMES} frames, server closes by code: ${JSON.stringify(Object.fromEntries(closeCodes))}`)
  // 3,000 round trips and as many connections: about 10 s on a quiet machine, several times that on a busy one.
}, 120_000)
