import { expect, test } from 'vitest'
import { startCluster } from '../../helpers/cluster.js'
import { postgresAvailable } from '../../helpers/postgres.js'
import { redisAvailable } from '../../helpers/redis.js'
import { appendParagraph, paragraphTexts } from '../../helpers/statementBody.js'
import { startTcpProxy } from '../../helpers/tcpProxy.js'
import { createDoc } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../../helpers/yClient.js'

const services = (await postgresAvailable()) && (await redisAvailable())
const OUTAGE_MS = 10_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const texts = (client: TestClient) => paragraphTexts(client.doc).filter((text) => text !== '').sort().join('|')

test.runIf(services)('Redis cut for 10 s during edits: each process keeps serving its own clients, and all converge soon after it returns, with no reload', async () => {
  const redis = await startTcpProxy(6379)
  const cluster = await startCluster({ processes: 2, redisUrl: `redis://127.0.0.1:${redis.port}` })
  const docId = await createDoc(cluster.balancer.url, undefined, cluster.auth)
  // Two clients on each process, connected to it directly, so we know who shares a process with whom.
  const onFirst = [0, 1].map(() => connectClient(cluster.processes[0]!.wsUrl, docId, { auth: cluster.auth }))
  const onSecond = [0, 1].map(() => connectClient(cluster.processes[1]!.wsUrl, docId, { auth: cluster.auth }))
  const clients = [...onFirst, ...onSecond]
  await Promise.all(clients.map((client) => waitForSync(client.provider)))
  const ready = async (index: number) => (await fetch(`http://127.0.0.1:${cluster.ports[index]}/api/ready`)).status

  let written = 0
  let restoredAt = 0
  let typing = true
  const timers = clients.map((client, n) => {
    let i = 0
    return setInterval(() => {
      if (!typing) return
      appendParagraph(client.doc, `c${n}-${i++}`)
      written++
    }, 25)
  })
  try {
    await sleep(1_000)
    await waitFor(() => texts(clients[0]!) === texts(clients[3]!) || undefined, { message: 'the processes to be in step before the cut' }).catch(() => {})
    redis.cut()
    const cutAt = Date.now()
    await waitFor(async () => (await ready(0)) === 503 && (await ready(1)) === 503, { message: '/api/ready to report the outage on both processes' })
    // During the outage, clients that share a process still edit together live.
    const before = clients.map(texts)
    await sleep(3_000)
    await waitFor(() => texts(onFirst[0]!) === texts(onFirst[1]!) && texts(onSecond[0]!) === texts(onSecond[1]!), {
      message: 'clients sharing a process to stay in step during the outage',
    })
    expect(texts(onFirst[0]!)).not.toBe(texts(onSecond[0]!))
    expect(clients.map(texts)).not.toEqual(before)
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)))
    redis.restore()
    restoredAt = Date.now()
    await sleep(500)
    typing = false
    // Within 10 s of Redis returning, everyone holds everything, without anyone reconnecting by hand.
    await waitFor(() => clients.every((client) => texts(client) === texts(clients[0]!)), {
      timeoutMs: OUTAGE_MS,
      message: () => `every client to converge after Redis returned (${clients.map((client) => paragraphTexts(client.doc).length).join(' / ')} paragraphs)`,
    })
  } finally {
    typing = false
    for (const timer of timers) clearInterval(timer)
  }
  const convergedAfterMs = Date.now() - restoredAt
  const final = paragraphTexts(clients[0]!.doc).filter((text) => text !== '')
  expect(final).toHaveLength(written)
  expect(new Set(final).size).toBe(written)
  await waitFor(async () => (await ready(0)) === 200 && (await ready(1)) === 200, { message: '/api/ready to be 200 again on both processes' })
  expect(await cluster.metric(0, 'caucus_redis_resyncs_total')).toBeGreaterThan(0)
  expect(await cluster.metric(1, 'caucus_redis_resyncs_total')).toBeGreaterThan(0)
  console.info(`redis outage: ${written} paragraphs by 4 clients on 2 processes, ${OUTAGE_MS / 1000} s without Redis, all converged ${convergedAfterMs} ms after it returned`)
}, 90_000)
