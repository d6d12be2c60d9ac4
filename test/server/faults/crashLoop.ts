import { setTimeout as sleep } from 'node:timers/promises'
import { expect } from 'vitest'
import type * as Y from 'yjs'
import { startChildServer } from '../../helpers/childServer.js'
import { freePort } from '../../helpers/freePort.js'
import { createPrng } from '../../helpers/prng.js'
import { tempDir } from '../../helpers/tempDir.js'
import { createDoc } from '../../helpers/testServer.js'
import { checkStored, TokenWriters } from '../../helpers/tokenWriters.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

/** 20 in `npm test`; `npm run bench -- crash-loop` runs the same tests longer (CRASH_LOOP_CYCLES). */
export const CYCLES = Number(process.env.CRASH_LOOP_CYCLES ?? 20)
const SEED = Number(process.env.CRASH_LOOP_SEED ?? Date.now() % 1_000_000)
export const WRITERS = 4
const WRITE_INTERVAL_MS = 20
/** New acks each cycle waits for before its kill: the server is then busy saving, and writes keep coming. */
const ACKS_PER_CYCLE = 10

/** A generous ceiling for the whole loop (a cycle takes 1.5 to 3 s on a busy 2-core machine). */
export const CRASH_LOOP_TIMEOUT_MS = 30_000 + CYCLES * 7_000

export interface CrashLoopStorage {
  name: string
  /** Environment for the server process (the SQLite file lives in its data folder). */
  env: Record<string, string>
  /** The stored document, read directly from the database while no server runs. */
  read(dataDir: string, docId: string): Promise<Y.Doc>
}

/**
 * Issue 16's crash loop: a server process under `WRITERS` clients that append unique tokens and ask for acks is
 * SIGKILLed mid-stream and restarted on the same data `CYCLES` times; the writers reconnect to each new process
 * (same port) and resend what it lacks. After every kill, before any restart, storage itself is read: every
 * token an ack covered must be there, once. At the end every token written is stored, exactly once.
 */
export async function runCrashLoop(storage: CrashLoopStorage): Promise<void> {
  const started = Date.now()
  const prng = createPrng(SEED)
  const dataDir = tempDir()
  // A fixed port, so the writers' providers find each restarted process where the last one was.
  let server = await startChildServer(dataDir, { env: { ...storage.env, PORT: String(await freePort()) } })
  const docId = await createDoc(server.url)
  const clients = Array.from({ length: WRITERS }, () => connectClient(server.wsUrl, docId, { savedAcks: true, maxBackoffTime: 100 }))
  await Promise.all(clients.map((client) => waitForSync(client.provider)))
  const writers = new TokenWriters(clients)
  writers.start(WRITE_INTERVAL_MS)

  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const target = writers.markAcked() + ACKS_PER_CYCLE
      await waitFor(() => writers.markAcked() >= target, {
        timeoutMs: 30_000,
        message: () => `cycle ${cycle} (seed ${SEED}): ${ACKS_PER_CYCLE} more acks\n${server.output()}`,
      })
      // Somewhere between two commits, or during one.
      await sleep(prng.int(25))
      await server.kill('SIGKILL')
      // Every ack received was sent after its commit, so every ack up to the kill counts.
      writers.markAcked()
      const verdict = checkStored(await storage.read(dataDir, docId), writers.writes)
      expect(verdict.lost, `acknowledged but lost after kill ${cycle} (seed ${SEED})`).toEqual([])
      expect(verdict.duplicated, `stored twice after kill ${cycle} (seed ${SEED})`).toEqual([])
      server = await server.restart()
    }
  } finally {
    writers.stop()
  }
  const ackedDuringLoop = writers.ackedCount

  // The writers' edits made while no server ran were sent on reconnecting: all of them end up stored.
  await waitFor(() => writers.allSaved(), { timeoutMs: 30_000, message: 'every writer to see all its edits saved' })
  writers.markAcked()
  await server.kill('SIGKILL')
  for (const client of clients) client.destroy()
  const final = checkStored(await storage.read(dataDir, docId), writers.writes)
  expect(final.lost).toEqual([])
  expect(final.duplicated).toEqual([])
  expect(final.stored).toBe(writers.writes.length)
  expect(ackedDuringLoop).toBeGreaterThanOrEqual(CYCLES * ACKS_PER_CYCLE)
  console.info(
    `crash loop (${storage.name}, seed ${SEED}): ${CYCLES} SIGKILL cycles, ${writers.writes.length} writes, ` +
      `${ackedDuringLoop} acknowledged before the last kill, ${final.stored} stored after it (lost 0, duplicated 0), ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}
