import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { startCluster } from '../../helpers/cluster.js'
import { postgresAvailable } from '../../helpers/postgres.js'
import { redisAvailable } from '../../helpers/redis.js'
import { appendParagraph, paragraphTexts } from '../../helpers/statementBody.js'
import { createDoc } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../../helpers/yClient.js'

const services = (await postgresAvailable()) && (await redisAvailable())

interface Write {
  token: string
  client: TestClient
  clockAfter: number
  acked: boolean
}

test.runIf(services)('SIGKILL one of two processes mid-edit: its clients carry on through the other, with every acknowledged edit kept once', async () => {
  const cluster = await startCluster({ processes: 2 })
  const docId = await createDoc(cluster.balancer.url, undefined, cluster.auth)
  const writers = [0, 1, 2, 3].map(() => connectClient(cluster.wsUrl, docId, { savedAcks: true, auth: cluster.auth, maxBackoffTime: 300 }))
  await Promise.all(writers.map((writer) => waitForSync(writer.provider)))
  // The balancer takes turns, so both processes hold writers.
  expect(await cluster.metric(0, 'caucus_connections')).toBeGreaterThan(0)
  expect(await cluster.metric(1, 'caucus_connections')).toBeGreaterThan(0)
  const onVictim = await cluster.metric(0, 'caucus_connections')

  const writes: Write[] = []
  const markAcked = () => {
    for (const write of writes) write.acked ||= write.client.saved!.covers(write.client.doc.clientID, write.clockAfter)
  }
  let writing = true
  const timers = writers.map((client, n) => {
    let i = 0
    return setInterval(() => {
      if (!writing) return
      const token = `w${n}-${i++}`
      appendParagraph(client.doc, token)
      writes.push({ token, client, clockAfter: Y.getState(client.doc.store, client.doc.clientID), acked: false })
      markAcked()
    }, 8)
  })
  try {
    await waitFor(() => (markAcked(), writes.filter((write) => write.acked).length >= 60), { timeoutMs: 20_000, message: '60 acknowledged writes before the kill' })
    await cluster.processes[0]!.kill('SIGKILL')
    const ackedAtKill = writes.filter((write) => write.acked).length
    // Writing goes on while the victim's clients find the survivor.
    await waitFor(() => (markAcked(), writes.filter((write) => write.acked).length >= ackedAtKill + 60), { timeoutMs: 20_000, message: '60 more acknowledged writes after the kill' })
    writing = false
    await waitFor(() => writers.every((writer) => writer.provider.wsconnected && writer.saved!.isAllSaved()), {
      timeoutMs: 20_000,
      message: 'every writer reconnected and everything it wrote acknowledged by the survivor',
    })
  } finally {
    for (const timer of timers) clearInterval(timer)
  }
  markAcked()
  expect(await cluster.metric(1, 'caucus_connections')).toBe(writers.length)

  // The moved writers' presence shows on the survivor too (liveAcrossServers proves the takeover of a dead copy).
  writers.forEach((writer, n) => writer.awareness.setLocalStateField('cursor', { anchor: 1000 + n, head: 1000 + n }))
  const watcher = connectClient(cluster.processes[1]!.wsUrl, docId, { auth: cluster.auth })
  await waitFor(
    () => writers.every((writer, n) => (watcher.awareness.getStates().get(writer.doc.clientID) as { cursor?: { anchor: number } } | undefined)?.cursor?.anchor === 1000 + n),
    { timeoutMs: 5_000, message: "every writer's new cursor to show on the survivor" },
  )
  watcher.destroy()

  // Everyone ends with the same document, which a fresh reader on the survivor gets from it too.
  const texts = (client: TestClient) => paragraphTexts(client.doc).join('|')
  await waitFor(() => writers.every((writer) => texts(writer) === texts(writers[0]!)), { message: 'the writers to converge' })
  const reader = connectClient(cluster.wsUrl, docId, { auth: cluster.auth })
  await waitForSync(reader.provider)
  const stored = paragraphTexts(reader.doc).filter((text) => text !== '')
  const counts = new Map<string, number>()
  for (const token of stored) counts.set(token, (counts.get(token) ?? 0) + 1)

  const lost = writes.filter((write) => !counts.has(write.token)).map((write) => write.token)
  const duplicated = [...counts].filter(([, count]) => count > 1).map(([token]) => token)
  expect(lost).toEqual([])
  expect(duplicated).toEqual([])
  expect(stored).toHaveLength(writes.length)

  // And storage holds exactly that: with every client gone and the survivor stopped, the killed process comes back
  // and loads the document from PostgreSQL alone.
  for (const client of [...writers, reader]) client.destroy()
  await cluster.processes[1]!.kill('SIGTERM')
  const revived = await cluster.processes[0]!.restart()
  const fromStorage = connectClient(revived.wsUrl, docId, { auth: cluster.auth })
  await waitForSync(fromStorage.provider)
  expect(paragraphTexts(fromStorage.doc).filter((text) => text !== '')).toEqual(stored)
  console.info(`process death: ${writes.length} writes by 4 clients (${onVictim} on the killed process), all acknowledged and stored once`)
}, 90_000)
