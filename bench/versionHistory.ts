import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { statementRun } from './clients/markers.js'
import { TRACE_FILE } from './trace.js'

/** One version of the bench's statement: the document as a Yjs state update, and its snapshot. */
export interface BenchVersion {
  state: Uint8Array
  snapshot: Uint8Array
}

/**
 * The history of a statement written the way people write: the first `fraction` of the automerge-paper trace
 * (real keystrokes and deletions) replayed into the statement's paragraph, with `count` versions taken at even
 * steps along the way (the last one is the finished text).
 */
export function traceVersions(fraction: number, count: number): { versions: BenchVersion[]; finalLength: number } {
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString('utf8')) as { txns: { patches: [number, number, string][] }[] }
  const txns = trace.txns.slice(0, Math.floor(trace.txns.length * fraction))
  // Garbage-collected, as the server's documents are.
  const doc = new Y.Doc({ gc: true })
  doc.clientID = 0x5eed_cafe
  const text = statementRun(doc)
  const versions: BenchVersion[] = []
  txns.forEach(({ patches }, index) => {
    doc.transact(() => {
      for (const [position, deleted, inserted] of patches) {
        if (deleted > 0) text.delete(position, deleted)
        if (inserted) text.insert(position, inserted)
      }
    })
    // Version k is taken after txn ⌈(k + 1) · n / count⌉ - 1: evenly spread, the last one after the last txn.
    if (versions.length < count && index + 1 >= Math.ceil(((versions.length + 1) * txns.length) / count)) {
      versions.push({ state: Y.encodeStateAsUpdate(doc), snapshot: Y.encodeSnapshot(Y.snapshot(doc)) })
    }
  })
  const finalLength = text.length
  doc.destroy()
  return { versions, finalLength }
}
