import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../../shared/yLayout.js'
import { postgresAvailable } from '../../helpers/postgres.js'
import { createPrng, type Prng } from '../../helpers/prng.js'
import { redisAvailable, TEST_REDIS_URL } from '../../helpers/redis.js'
import { tempDir } from '../../helpers/tempDir.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../../helpers/yClient.js'

const services = (await postgresAvailable()) && (await redisAvailable())

function randomEdit(doc: Y.Doc, prng: Prng, token: string): void {
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  const paragraphs = fragment.toArray() as Y.XmlElement[]
  if (paragraphs.length === 0 || prng.next() < 0.2) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(token)])
    fragment.insert(prng.int(paragraphs.length + 1), [paragraph])
    return
  }
  const text = prng.pick(paragraphs).get(0) as Y.XmlText
  text.insert(prng.next() < 0.5 ? 0 : text.length, token)
}

const content = (client: TestClient) => client.doc.getXmlFragment(YLayout.richTextFragment).toString()

test.runIf(services)('two servers on one PostgreSQL, linked by Redis: clients on either edit together live and end identical', async () => {
  const dataDir = tempDir()
  const first = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const second = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const docId = await createDoc(first.url)
  const clients = [first, second, first, second].map((server) => connectClient(server.wsUrl, docId))
  await Promise.all(clients.map((client) => waitForSync(client.provider)))

  const prng = createPrng(20261203)
  const editsEach = 250
  for (let i = 0; i < editsEach; i++) {
    clients.forEach((client, n) => randomEdit(client.doc, prng, `c${n}e${i};`))
    if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1))
  }

  await waitFor(() => clients.every((client) => content(client) === content(clients[0]!)), {
    timeoutMs: 20_000,
    message: () => `all four clients to converge (lengths ${clients.map((client) => content(client).length).join(' / ')})`,
  })
  const merged = content(clients[0]!)
  const tokens = merged.match(/c\d+e\d+;/g) ?? []
  expect(tokens).toHaveLength(4 * editsEach)
  expect(new Set(tokens).size).toBe(4 * editsEach)

  // Both servers hold it, and so does storage: fresh clients on each, then on a third server that loads it from
  // PostgreSQL alone once the first two have saved and closed.
  for (const server of [first, second]) {
    const reader = connectClient(server.wsUrl, docId)
    await waitForSync(reader.provider)
    expect(content(reader)).toBe(merged)
    reader.destroy()
  }
  for (const client of clients) client.destroy()
  await first.close()
  await second.close()
  const third = await startTestServer({ postgres: true, dataDir })
  const reader = connectClient(third.wsUrl, docId)
  await waitForSync(reader.provider)
  expect(content(reader)).toBe(merged)
}, 60_000)

test.runIf(services)('a server that opens the document late gets what the other holds, and presence crosses over', async () => {
  const dataDir = tempDir()
  const first = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const second = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const docId = await createDoc(first.url)
  const alice = connectClient(first.wsUrl, docId)
  await waitForSync(alice.provider)
  alice.awareness.setLocalStateField('cursor', { anchor: 1 })
  for (let i = 0; i < 20; i++) randomEdit(alice.doc, createPrng(i), `a${i};`)

  const bob = connectClient(second.wsUrl, docId)
  await waitForSync(bob.provider)
  await waitFor(() => content(bob) === content(alice), { message: 'bob, on the other server, to have what alice typed' })
  await waitFor(() => bob.awareness.getStates().has(alice.doc.clientID), { message: "alice's presence to reach bob" })
  expect((bob.awareness.getStates().get(alice.doc.clientID) as { user?: { name?: string } }).user?.name).toBeTruthy()

  bob.awareness.setLocalStateField('cursor', { anchor: 2 })
  await waitFor(() => alice.awareness.getStates().has(bob.doc.clientID), { message: "bob's presence to reach alice" })
  randomEdit(bob.doc, createPrng(99), 'from-bob;')
  await waitFor(() => content(alice).includes('from-bob;'), { message: "bob's edit to reach alice" })
  bob.destroy()
  await waitFor(() => !alice.awareness.getStates().has(bob.doc.clientID), { message: "bob's presence to leave alice's page when he leaves" })
})
