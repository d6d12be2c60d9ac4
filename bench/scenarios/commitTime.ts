import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Metrics } from '../clients/jobs.js'
import { percentile } from '../stats.js'

const COMMITS = 300
/** About as far apart as the typers' edits reach the server (5 typers, one edit each every 50 ms). */
const PAUSE_MS = 10

/**
 * How long one durable commit takes on this disk with nothing else running: Caucus's own SQLite storage,
 * appending a one-keystroke Yjs update `COMMITS` times. The fastest of them bounds what durability adds to
 * every acknowledged edit, whatever else the server does.
 */
export async function measureCommitTimes(tmpRoot: string): Promise<Metrics> {
  const dir = mkdtempSync(join(tmpRoot, 'commits-'))
  const storage = new SqliteStorage(join(dir, 'caucus.sqlite'))
  const doc = new Y.Doc()
  try {
    await storage.createDocument({ id: 'commits', title: 'Commit timing', now: Date.now() })
    const text = doc.getText('body')
    const times: number[] = []
    for (let i = 0; i < COMMITS; i++) {
      const before = Y.encodeStateVector(doc)
      text.insert(text.length, 'a')
      const update = Y.encodeStateAsUpdate(doc, before)
      const start = performance.now()
      await storage.appendUpdate('commits', update, Date.now())
      times.push(performance.now() - start)
      await sleep(PAUSE_MS)
    }
    return { commitMinMs: Math.min(...times), commitP50Ms: percentile(times, 50), commitP99Ms: percentile(times, 99) }
  } finally {
    doc.destroy()
    await storage.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
