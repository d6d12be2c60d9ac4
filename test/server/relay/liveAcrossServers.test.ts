import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../../shared/yLayout.js'
import { startCluster } from '../../helpers/cluster.js'
import { postgresAvailable } from '../../helpers/postgres.js'
import { randomEdit } from '../../helpers/randomEdit.js'
import { createPrng } from '../../helpers/prng.js'
import { redisAvailable, TEST_REDIS_URL } from '../../helpers/redis.js'
import { tempDir } from '../../helpers/tempDir.js'
import { addMember, apiFetch } from '../../helpers/testAuth.js'
import { CloseCode } from '../../../shared/closeCodes.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../../helpers/yClient.js'

const services = (await postgresAvailable()) && (await redisAvailable())


const content = (client: TestClient) => client.doc.getXmlFragment(YLayout.richTextFragment).toString()

test.runIf(services)('two processes on one PostgreSQL, linked by Redis: clients split between them make thousands of edits and all end identical, as stored', async () => {
  const cluster = await startCluster({ processes: 2 })
  const docId = await createDoc(cluster.balancer.url, undefined, cluster.auth)
  const clients = [0, 1, 0, 1].map((index) => connectClient(cluster.processes[index]!.wsUrl, docId, { auth: cluster.auth }))
  await Promise.all(clients.map((client) => waitForSync(client.provider)))

  const prng = createPrng(20261203)
  const editsEach = 600
  for (let i = 0; i < editsEach; i++) {
    clients.forEach((client, n) => randomEdit(client.doc, prng, `c${n}e${i};`))
    if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1))
  }

  await waitFor(() => clients.every((client) => content(client) === content(clients[0]!)), {
    timeoutMs: 30_000,
    message: () => `all four clients to converge (lengths ${clients.map((client) => content(client).length).join(' / ')})`,
  })
  const merged = content(clients[0]!)
  const tokens = merged.match(/c\d+e\d+;/g) ?? []
  expect(tokens).toHaveLength(4 * editsEach)
  expect(new Set(tokens).size).toBe(4 * editsEach)

  // Each process holds it (a fresh client on each)…
  for (const process of cluster.processes) {
    const reader = connectClient(process.wsUrl, docId, { auth: cluster.auth })
    await waitForSync(reader.provider)
    expect(content(reader)).toBe(merged)
    reader.destroy()
  }
  // …and so does storage: both stopped, one started again loads it from PostgreSQL alone.
  for (const client of clients) client.destroy()
  await Promise.all(cluster.processes.map((process) => process.kill('SIGTERM')))
  const revived = await cluster.processes[0]!.restart()
  const reader = connectClient(revived.wsUrl, docId, { auth: cluster.auth })
  await waitForSync(reader.provider)
  expect(content(reader)).toBe(merged)
}, 90_000)

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

test.runIf(services)("a person whose process vanished takes their presence over on the other at once; nobody else can", async () => {
  const dataDir = tempDir()
  const doomed = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const survivor = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const docId = await createDoc(survivor.url)
  const aliceDoc = new Y.Doc()
  const alice = connectClient(doomed.wsUrl, docId, { doc: aliceDoc })
  const bob = connectClient(survivor.wsUrl, docId)
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])
  const cursorOf = (clientId: number) => (bob.awareness.getStates().get(clientId) as { cursor?: { anchor: number } } | undefined)?.cursor?.anchor
  alice.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 })
  await waitFor(() => cursorOf(aliceDoc.clientID) === 1, { message: "alice's presence to reach bob through Redis" })
  const room = await survivor.server.collab.rooms.peek(docId)
  expect(room?.awarenessOwner(aliceDoc.clientID)).toBe('remote')

  // Her process vanishes without a word to its peers (as with SIGKILL: the relay goes first, then everything).
  await doomed.server.collab.relay!.close()
  alice.destroy()
  await doomed.close()
  expect(cursorOf(aliceDoc.clientID)).toBe(1)

  // Someone else cannot take her presence id over…
  const mallory = await survivor.signUp('Mallory Mallet')
  await addMember(survivor.url, docId, mallory, 'editor')
  const malloryDoc = new Y.Doc()
  malloryDoc.clientID = aliceDoc.clientID
  const impostor = connectClient(survivor.wsUrl, docId, { doc: malloryDoc, auth: mallory })
  await waitForSync(impostor.provider)
  impostor.awareness.setLocalStateField('cursor', { anchor: 666, head: 666 })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(cursorOf(aliceDoc.clientID)).toBe(1)
  impostor.destroy()

  // …but she can, as soon as she reconnects to the survivor with the same id.
  const back = connectClient(survivor.wsUrl, docId, { doc: aliceDoc })
  await waitForSync(back.provider)
  back.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 })
  await waitFor(() => cursorOf(aliceDoc.clientID) === 2, { message: "alice's new cursor to show at once, not after the dead copy times out" })
  expect(room?.awarenessOwner(aliceDoc.clientID)).not.toBe('remote')
})

test.runIf(services)('removing a member on one process closes their connection on the other at once, not at the next periodic re-check', async () => {
  const dataDir = tempDir()
  const ownersServer = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const othersServer = await startTestServer({ postgres: true, dataDir, redisUrl: TEST_REDIS_URL })
  const docId = await createDoc(ownersServer.url)
  const bob = await othersServer.signUp('Bob Baker')
  await addMember(ownersServer.url, docId, bob, 'editor')
  const bobsClient = connectClient(othersServer.wsUrl, docId, { auth: bob })
  await waitForSync(bobsClient.provider)
  const closes: number[] = []
  bobsClient.provider.on('connection-close', (event) => event && closes.push(event.code))

  const removed = await apiFetch(`${ownersServer.url}/api/docs/${docId}/members/${bob.userId}`, { method: 'DELETE' })
  expect(removed.status).toBe(200)
  // The periodic re-check runs every minute; the announcement through Redis does it now.
  await waitFor(() => closes.includes(CloseCode.documentNotFound), { timeoutMs: 5_000, message: "bob's connection on the other process to close" })
  bobsClient.destroy()
})
