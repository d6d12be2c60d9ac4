import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, onTestFinished, test } from 'vitest'
import * as Y from 'yjs'
import type { SavedState } from '../../../shared/savedState.js'
import { startChildServer } from '../../helpers/childServer.js'
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL, testDatabaseUrl } from '../../helpers/postgres.js'
import { storedPostgresDoc } from '../../helpers/storedDoc.js'
import { tempDir } from '../../helpers/tempDir.js'
import { startTcpProxy } from '../../helpers/tcpProxy.js'
import { createDoc } from '../../helpers/testServer.js'
import { checkStored, tokenCounts, TokenWriters, type TokenWrite } from '../../helpers/tokenWriters.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

/** How long PostgreSQL stays unreachable, counted from the moment its replies stop. */
const OUTAGE_MS = 8_000
const WRITE_INTERVAL_MS = 50

/** One series' value from Prometheus text. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `))
  if (!line) throw new Error(`no ${series} in:\n${text}`)
  return Number(line.split(' ').at(-1))
}

/** True when `stored` holds every insert and deletion `saved` claims (the reverse of isDocSaved). */
function holdsAll(stored: Y.Doc, saved: SavedState): boolean {
  const held = Y.snapshot(stored)
  for (const [client, clock] of saved.sv) if ((held.sv.get(client) ?? 0) < clock) return false
  return Y.equalDeleteSets(held.ds, Y.mergeDeleteSets([held.ds, saved.ds]))
}

describe.runIf(await postgresAvailable())('PostgreSQL outage', () => {
  test('editing goes on live, nothing is acknowledged before it is committed, and everything typed is stored once PostgreSQL is back', async () => {
    const started = Date.now()
    const { schema, drop } = await createTestSchema()
    onTestFinished(drop)
    const proxy = await startTcpProxy(Number(new URL(TEST_DATABASE_URL).port || 5432))
    const server = await startChildServer(tempDir(), { env: { DATABASE_URL: testDatabaseUrl(schema, { port: proxy.port }) } })
    const metric = async (series: string) => sample(await (await fetch(`${server.url}/metrics`)).text(), series)
    const readyStatus = async () => (await fetch(`${server.url}/api/ready`)).status
    const docId = await createDoc(server.url)
    const clients = [0, 1].map(() => connectClient(server.wsUrl, docId, { savedAcks: true }))
    await Promise.all(clients.map((client) => waitForSync(client.provider)))
    const writers = new TokenWriters(clients)
    const acks = () => clients.reduce((sum, client) => sum + client.saved!.ackCount, 0)
    writers.start(WRITE_INTERVAL_MS)
    await waitFor(() => writers.markAcked() >= 20, { message: 'edits acknowledged before the outage' })
    expect(await readyStatus()).toBe(200)
    const failuresBefore = await metric('caucus_save_failures_total')

    // The outage begins: first PostgreSQL's replies stop (requests still arrive), so a save is committed whose
    // reply is lost; then every connection is cut and new ones go unanswered.
    proxy.pause('toClient')
    const outageStart = Date.now()
    const firstOutageWrite = writers.writes.length
    const clocksAtStart = clients.map((client) => Y.getState(client.doc.store, client.doc.clientID))
    const acksAtStart = acks()
    // The save in flight at the pause, or the next one, commits; the server never hears of it.
    const committedUnacked = await waitFor(
      async () => {
        const stored = tokenCounts(await storedPostgresDoc(schema, docId))
        writers.markAcked()
        const found = writers.writes.filter((write) => !write.acked && stored.has(write.token))
        return found.length > 0 ? found : null
      },
      { message: 'a save to commit in PostgreSQL while its reply is held' },
    )
    proxy.cut('blackhole')

    // Live editing does not need storage: each writer sees what the other types now.
    for (const [reader, writer] of [[0, 1], [1, 0]] as const) {
      const token = writers.write(writer).token
      await waitFor(() => tokenCounts(clients[reader]!.doc).has(token), { message: `writer ${reader} to see ${token} during the outage` })
    }
    expect(await readyStatus()).toBe(503)
    // The save cut mid-way fails at once; its retry, whose connection nothing answers, fails only because
    // PostgresStorage gives up connecting (connectionTimeoutMillis) instead of waiting for ever.
    await waitFor(async () => (await metric('caucus_save_failures_total')) >= failuresBefore + 2, {
      timeoutMs: OUTAGE_MS,
      message: 'two failed saves to be counted during the outage',
    })
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStart)))

    // No ack that arrived during the outage covers anything typed since it began, nor the commit whose reply
    // was lost (acks only grow, so the latest of each client stands for all of them).
    const acksDuringOutage = acks() - acksAtStart
    const typedDuringOutage = writers.writes.length - firstOutageWrite
    for (const client of clients) {
      const saved = client.saved!.savedState()
      for (const [n, other] of clients.entries()) expect(saved.sv.get(other.doc.clientID) ?? 0).toBeLessThanOrEqual(clocksAtStart[n]!)
    }
    writers.markAcked()
    expect(committedUnacked.filter((write) => write.acked)).toEqual([])
    expect(server.child.exitCode).toBeNull()
    proxy.restore()
    const restoredAt = Date.now()

    await waitFor(async () => (await readyStatus()) === 200, { timeoutMs: 30_000, message: () => `readiness once PostgreSQL is back\n${server.output()}` })
    const outageWrites: TokenWrite[] = writers.writes.slice(firstOutageWrite, firstOutageWrite + typedDuringOutage)
    await waitFor(() => (writers.markAcked(), outageWrites.every((write) => write.acked)), {
      timeoutMs: 40_000,
      message: 'the edits typed during the outage to be acknowledged',
    })
    const firstAckAfterMs = Date.now() - restoredAt
    writers.stop()
    await waitFor(() => writers.allSaved(), { timeoutMs: 30_000, message: 'every edit to be acknowledged' })
    const failures = (await metric('caucus_save_failures_total')) - failuresBefore
    // pg's errors during the outage (pool, clients, timeouts) were all handled: the process never died.
    expect(server.child.exitCode).toBeNull()
    expect(server.child.signalCode).toBeNull()

    const latestAcks = clients.map((client) => client.saved!.savedState())
    await server.kill('SIGKILL')
    for (const client of clients) client.destroy()
    // Read straight from PostgreSQL (not through the proxy): everything any ack covered is there, and every
    // edit, the one committed twice included (its reply was lost, so it was retried), is there once.
    const stored = await storedPostgresDoc(schema, docId)
    for (const saved of latestAcks) expect(holdsAll(stored, saved)).toBe(true)
    const verdict = checkStored(stored, writers.writes)
    expect(verdict).toEqual({ lost: [], duplicated: [], stored: writers.writes.length })
    console.info(
      `PostgreSQL outage: ${(OUTAGE_MS / 1000).toFixed(0)} s; ${writers.writes.length} writes, ${typedDuringOutage} during the outage ` +
        `(all stored once after it), ${committedUnacked.length} committed with their reply lost; acks: ${acksAtStart} before, ${acksDuringOutage} during (covering nothing typed in it), ` +
        `edits of the outage acknowledged ${firstAckAfterMs} ms after restore; ${failures} failed saves counted; ` +
        `test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  }, 90_000)
})
