import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { statementRun } from './clients/markers.js'

export const TRACE_FILE = '/work/shared/data/automerge-paper.json.gz'

interface Trace {
  endContent: string
  txns: { patches: [position: number, deleted: number, inserted: string][] }[]
}

export interface BuiltDocument {
  /** A file holding the document as one Yjs update (what a client sends in its sync step 2). */
  updateFile: string
  expectedLength: number
  edits: number
  updateBytes: number
  buildMs: number
}

/**
 * Replays the automerge-paper editing trace (real keystrokes, with deletions) into the text of a statement's
 * paragraph (one Y.XmlText), one transaction
 * per trace transaction, and writes the result as a Yjs update. `fraction` < 1 replays only the first part.
 */
export function buildTraceDocument(outDir: string, fraction = 1): BuiltDocument {
  const started = performance.now()
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString('utf8')) as Trace
  const txns = fraction >= 1 ? trace.txns : trace.txns.slice(0, Math.floor(trace.txns.length * fraction))
  const doc = new Y.Doc()
  // A fixed (random-looking, 32-bit) client id, so the document's bytes are the same in every run.
  doc.clientID = 0x5eed_cafe
  const text = statementRun(doc)
  let edits = 0
  for (const { patches } of txns) {
    doc.transact(() => {
      for (const [position, deleted, inserted] of patches) {
        if (deleted > 0) text.delete(position, deleted)
        if (inserted) text.insert(position, inserted)
        edits++
      }
    })
  }
  if (fraction >= 1 && text.toString() !== trace.endContent) throw new Error('replaying the trace did not give its end content')
  const update = Y.encodeStateAsUpdate(doc)
  const updateFile = join(outDir, 'trace-document.yupdate')
  writeFileSync(updateFile, update)
  const built = { updateFile, expectedLength: text.length, edits, updateBytes: update.length, buildMs: performance.now() - started }
  doc.destroy()
  return built
}
