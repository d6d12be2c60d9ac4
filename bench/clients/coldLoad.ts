import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { emptySavedState, isDocSaved, subscribeSavedAcks } from '../../shared/savedState.js'
import { connectClient, pollUntil, sleep } from './connect.js'
import type { Job, Metrics } from './jobs.js'
import { statementLength } from './markers.js'

type ColdWriteJob = Extract<Job, { kind: 'coldWrite' }>
type ColdReadJob = Extract<Job, { kind: 'coldRead' }>

const textLength = statementLength

/**
 * Scenario 3, first half: a client that holds the whole document connects and sends it (its sync step 2). Done
 * when the server has it: on Caucus when a "saved" ack covers it; elsewhere when a second, empty client
 * receives all of it (the orchestrator then stops the server gracefully, which makes each one write).
 */
export async function coldWrite(job: ColdWriteJob): Promise<Metrics> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, readFileSync(job.updateFile))
  if (textLength(doc) !== job.expectedLength) throw new Error(`document has ${textLength(doc)} characters, expected ${job.expectedLength}`)
  const started = performance.now()
  const writer = connectClient(job.target, job.room, doc, { answerPeers: true })
  let stored: () => boolean
  if (writer.websocketProvider && (job.target.name === 'caucus' || job.target.name === 'caucus-pg')) {
    let saved = emptySavedState()
    subscribeSavedAcks(writer.websocketProvider, (next) => (saved = next))
    stored = () => isDocSaved(doc, saved)
  } else {
    if (!(await pollUntil(writer.isReady, job.timeoutMs))) throw new Error(`${job.target.name}: writer did not join`)
    const check = connectClient(job.target, job.room)
    stored = () => textLength(check.doc) === job.expectedLength
  }
  if (!(await pollUntil(stored, job.timeoutMs, 10))) throw new Error(`${job.target.name}: the document did not reach the server`)
  const writeMs = performance.now() - started
  // y-leveldb writes in the background: give it a moment on top of the graceful stop.
  await sleep(500)
  writer.destroy()
  return { writeMs, bytes: Y.encodeStateAsUpdate(doc).length }
}

/**
 * Scenario 3, second half, on a freshly restarted server: a new, empty client connects; the time until it holds
 * the full text. `firstSyncChars` is what it held when its provider first reported "synced": a server that
 * answers with an empty document first shows fewer characters there than the document has.
 */
export async function coldRead(job: ColdReadJob): Promise<Metrics> {
  const doc = new Y.Doc()
  let firstSyncChars = -1
  const started = performance.now()
  const client = connectClient(job.target, job.room, doc)
  client.onSynced(() => {
    if (firstSyncChars < 0) firstSyncChars = textLength(doc)
  })
  const full = await pollUntil(() => textLength(doc) === job.expectedLength, job.timeoutMs, 1)
  // Hocuspocus's provider can say "synced" only after the text arrived: then the first sync held all of it.
  if (firstSyncChars < 0) firstSyncChars = textLength(doc)
  const loadMs = performance.now() - started
  const readyAtEnd = client.isReady()
  client.destroy()
  // The client's own share: applying the same document to an empty Y.Doc in this (now warm) process.
  const applyStarted = performance.now()
  Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))
  const clientApplyMs = performance.now() - applyStarted
  if (!full) throw new Error(`${job.target.name}: client holds ${textLength(doc)} of ${job.expectedLength} characters after ${job.timeoutMs} ms`)
  return { loadMs, clientApplyMs, readyAtEnd: readyAtEnd ? 1 : 0, firstSyncChars, emptyFirst: firstSyncChars >= 0 && firstSyncChars < job.expectedLength ? 1 : 0 }
}
