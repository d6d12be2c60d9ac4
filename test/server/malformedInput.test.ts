import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.js'
import { YLayout } from '../../shared/yLayout.js'
import { startChildServer } from '../helpers/childServer.js'
import { fuzz } from '../helpers/fuzzer.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { storedDoc } from '../helpers/storedDoc.js'
import { tempDir } from '../helpers/tempDir.js'
import { addMember, apiFetch, signUpOrIn } from '../helpers/testAuth.js'
import { createDoc } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** Replay a failure with FUZZ_SEED=<seed>; FUZZ_MESSAGES sets the length (the bench runs a longer one). */
const SEED = Number(process.env.FUZZ_SEED ?? 0xc0ffee)
const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 100_000)
const OUR_CODES = new Set<number>(Object.values(CloseCode))
/** Far above what the server needs (about 100 MB); a leak or an unbounded buffer would cross it. */
const RSS_BOUND_MB = 600

const rssMb = (pid: number): number => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return kb ? Number(kb[1]) / 1024 : 0
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN

test(`${MESSAGES} malformed, oversized and flooding messages from an editor never hurt the server, the document or a well-behaved client (seed ${SEED})`, async () => {
  const dataDir = tempDir()
  const server = await startChildServer(dataDir)
  const docId = await createDoc(server.url)
  const fuzzer = await signUpOrIn(server.url, 'Fuzz Editor')
  await addMember(server.url, docId, fuzzer, 'editor')

  // The well-behaved client types a paragraph every 20 ms through the whole run; a second one (the observer)
  // times how long each takes to reach it through the server: the round trip.
  const good = connectClient(server.wsUrl, docId, { savedAcks: true })
  const observer = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(good.provider), waitForSync(observer.provider)])
  const closes: number[] = []
  for (const client of [good, observer]) client.provider.on('connection-close', (event) => event && closes.push(event.code))
  let changesFromOthers = 0
  good.doc.on('update', (_update: Uint8Array, origin: unknown) => origin === good.provider && changesFromOthers++)
  const sentAt: number[] = []
  const roundTrips: number[] = []
  const observed = observer.doc.getXmlFragment(YLayout.richTextFragment)
  observer.doc.on('afterTransaction', () => {
    while (roundTrips.length < Math.min(observed.length, sentAt.length)) roundTrips.push(performance.now() - sentAt[roundTrips.length]!)
  })
  good.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 })
  await waitFor(() => observer.awareness.getStates().get(good.doc.clientID), { message: "the good client's presence" })
  const goodTokens: string[] = []
  const typing = setInterval(() => {
    goodTokens.push(`good-${goodTokens.length}`)
    sentAt.push(performance.now())
    appendParagraph(good.doc, goodTokens.at(-1)!)
  }, 20)

  let peakRss = rssMb(server.child.pid!)
  const sampling = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid!))), 100)
  const started = performance.now()
  let stats: Awaited<ReturnType<typeof fuzz>>
  try {
    stats = await fuzz({ wsUrl: server.wsUrl, docId, auth: fuzzer, seed: SEED, messages: MESSAGES, victims: [good.doc.clientID, observer.doc.clientID] })
  } finally {
    clearInterval(typing)
    clearInterval(sampling)
  }
  const seconds = (performance.now() - started) / 1000
  peakRss = Math.max(peakRss, rssMb(server.child.pid!))

  // The server is up, answered throughout, and stayed within its memory bound.
  expect(server.child.exitCode).toBe(null)
  expect((await apiFetch(`${server.url}/api/health`)).status).toBe(200)
  expect(peakRss).toBeLessThan(RSS_BOUND_MB)
  // Every connection it ended, it ended on purpose, with one of our named codes (a 16 MiB frame's sender may only
  // see its own write fail).
  expect([...stats.closes.keys()].filter((code) => !OUR_CODES.has(code))).toEqual([])
  expect([...stats.oversizedCloses.keys()].filter((code) => !OUR_CODES.has(code) && code !== 1006)).toEqual([])
  expect(stats.messages).toBeGreaterThanOrEqual(MESSAGES)

  // The well-behaved clients were never disconnected, every edit arrived, and nothing else did.
  expect(closes).toEqual([])
  await waitFor(() => observed.length === goodTokens.length, { message: 'every good edit to reach the observer' })
  expect(paragraphTexts(observer.doc)).toEqual(goodTokens)
  expect(changesFromOthers).toBe(0)
  // Nobody renamed, moved or removed the good client's presence.
  expect(observer.awareness.getStates().get(good.doc.clientID)).toEqual({ cursor: { anchor: 1, head: 1 }, user: { name: server.auth.name, color: expect.any(String), account: expect.any(String) } })
  // What is stored is exactly the well-behaved client's document.
  await waitFor(() => good.saved!.isAllSaved(), { message: 'the good edits to be stored' })
  const stored = await storedDoc(dataDir, docId)
  expect(paragraphTexts(stored)).toEqual(goodTokens)
  expect([...stored.share.keys()]).toEqual([YLayout.richTextFragment])
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(good.doc))

  const sorted = roundTrips.slice().sort((a, b) => a - b)
  console.info(
    `fuzz (seed ${SEED}): ${stats.messages} messages over ${stats.connections} connections in ${seconds.toFixed(1)} s; ` +
      `good client round trip p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms over ${sorted.length} edits; ` +
      `server peak RSS ${peakRss.toFixed(0)} MB; closes by code ${JSON.stringify(Object.fromEntries(stats.closes))}, ` +
      `after oversized frames ${JSON.stringify(Object.fromEntries(stats.oversizedCloses))}`,
  )
  // About 10 s for 100,000 on a quiet 2-core machine; the bench's longer runs get time in proportion.
}, Math.max(240_000, MESSAGES * 2))
