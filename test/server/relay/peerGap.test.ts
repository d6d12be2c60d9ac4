import { Redis } from 'ioredis'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from '../../../server/collab/relay/relayMessages.js'
import { redisAvailable, TEST_REDIS_URL } from '../../helpers/redis.js'
import { appendParagraph, paragraphTexts } from '../../helpers/statementBody.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

const services = await redisAvailable()

/** A stand-in for another Caucus process, speaking the relay's messages on the document's channel by hand. */
async function rawPeer(docId: string) {
  const channel = `caucus:doc:${docId}`
  const subscriber = new Redis(TEST_REDIS_URL)
  const publisher = new Redis(TEST_REDIS_URL)
  const heard: RelayMessage[] = []
  subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
    try {
      heard.push(decodeRelayMessage(new Uint8Array(message)))
    } catch {
      // our own garbage, below
    }
  })
  await subscriber.subscribe(channel)
  return {
    heard,
    send: (message: RelayMessage) => publisher.publish(channel, Buffer.from(encodeRelayMessage(message))),
    sendRaw: (bytes: Uint8Array) => publisher.publish(channel, Buffer.from(bytes)),
    close: () => Promise.all([subscriber.quit(), publisher.quit()]),
  }
}

test.runIf(services)('a skipped sequence number from a peer makes the server resync: it asks for what it lacks and sends what the peer lacks', async () => {
  const server = await startTestServer({ redisUrl: TEST_REDIS_URL })
  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId)
  await waitForSync(client.provider)
  appendParagraph(client.doc, 'typed here')
  const peer = await rawPeer(docId)
  try {
    // The peer's own copy of the document, as it would have it.
    const peerDoc = new Y.Doc()
    Y.applyUpdate(peerDoc, Y.encodeStateAsUpdate(client.doc))
    const edit = (text: string) => {
      const before = Y.encodeStateVector(peerDoc)
      appendParagraph(peerDoc, text)
      return Y.encodeStateAsUpdate(peerDoc, before)
    }
    await peer.send({ kind: 'update', from: 'peer-x', seq: 1, update: edit('one') })
    await waitFor(() => paragraphTexts(client.doc).includes('one'), { message: 'the relayed edit to reach the client' })

    const lost = edit('two') // seq 2 never arrives
    await peer.send({ kind: 'update', from: 'peer-x', seq: 3, update: edit('three') })
    const hello = await waitFor(() => peer.heard.find((message) => message.kind === 'hello'), { message: 'the server to ask its peers (hello) after the gap' })
    expect((await server.server.metrics.redisResyncs.get()).values[0]?.value).toBeGreaterThanOrEqual(1)

    // The peer answers as a Caucus process would: what the server lacks ("two"), and what the peer holds.
    const missing = Y.encodeStateAsUpdate(peerDoc, hello.stateVector)
    expect(Y.decodeUpdate(missing).structs.length).toBeGreaterThan(0)
    await peer.send({ kind: 'reply', from: 'peer-x', seq: 4, to: hello.from, update: missing, stateVector: Y.encodeStateVector(peerDoc) })
    await waitFor(() => paragraphTexts(client.doc).includes('two'), { message: 'the missed edit to reach the client after the resync' })
    expect(lost.length).toBeGreaterThan(0)
    expect(paragraphTexts(client.doc)).toEqual(['typed here', 'one', 'two', 'three'])

    // What the server had that the peer did not comes back as an ordinary update.
    appendParagraph(client.doc, 'only on the server')
    await waitFor(() => peer.heard.some((message) => message.kind === 'update' && message.from === hello.from), { message: 'the server to publish its own edits' })
    for (const message of peer.heard) if (message.kind === 'update' && message.from === hello.from) Y.applyUpdate(peerDoc, message.update)
    await waitFor(() => paragraphTexts(peerDoc).includes('only on the server'), { message: 'the peer to get the server edit' })
  } finally {
    await peer.close()
  }
})

test.runIf(services)('garbage on a document channel is logged and changes nothing', async () => {
  const server = await startTestServer({ redisUrl: TEST_REDIS_URL })
  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId)
  await waitForSync(client.provider)
  appendParagraph(client.doc, 'kept')
  const peer = await rawPeer(docId)
  try {
    await peer.sendRaw(new Uint8Array([200, 1, 2, 3]))
    await peer.sendRaw(new Uint8Array(0))
    await waitFor(() => server.logs.some((line) => line.includes('unreadable relay message')), { message: 'a log line about the unreadable message' })
    appendParagraph(client.doc, 'still live')
    const reader = connectClient(server.wsUrl, docId)
    await waitForSync(reader.provider)
    await waitFor(() => paragraphTexts(reader.doc).join('|') === 'kept|still live', { message: 'the document to be unharmed' })
  } finally {
    await peer.close()
  }
})
