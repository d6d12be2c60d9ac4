import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Metrics } from '../clients/jobs.js'
import { median } from '../stats.js'
import { startTarget, type RunningTarget } from '../targets/index.js'
import { traceVersions, type BenchVersion } from '../versionHistory.js'
import { targetRef, type RunContext, type Scenario } from './harness.js'
import { runJob } from './workers.js'

/** About a typical statement: ~4,600 characters at the end, typed with real keystrokes and deletions. */
const TRACE_FRACTION = 0.025
const VERSIONS = 1000
/** Opens of each document per repetition, alternating between the two. */
const OPENS = 8

/** Resolves once the server holds no room (the last open's room is unloaded: the next open loads from storage). */
async function roomsUnloaded(running: RunningTarget): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const health = (await (await fetch(`http://127.0.0.1:${running.server.port}/api/health`)).json()) as { rooms: number }
    if (health.rooms === 0) return
    if (Date.now() > deadline) throw new Error(`the server still holds ${health.rooms} rooms after 30 s`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Scenario 7 (issue 17): does a long version history slow down opening a document? Two documents with the same
 * statement are written through the server; one then gets 1,000 versions of that statement's history, written
 * into its storage while the server is stopped (as months of automatic versions would leave it), the other none.
 * The server is started again and a fresh client opens each document in turn, 8 times each, alternating; before
 * every open the server has unloaded the document, so each open loads it from storage. The first open of each
 * is also reported (the cold process's). Measured, not asserted.
 */
export function versionsOpenScenario(quick: boolean): Scenario {
  let built: { versions: BenchVersion[]; finalLength: number; updateFile: string } | null = null
  let runs = 0
  return {
    id: 'versions-open',
    title: `opening a statement with ${quick ? 100 : VERSIONS} versions against the same statement with none`,
    targets: ['caucus'],
    reps: 3,
    run: async (_name, context: RunContext): Promise<Metrics> => {
      if (!built) {
        const history = traceVersions(TRACE_FRACTION, quick ? 100 : VERSIONS)
        const updateFile = join(context.tmpRoot, 'versions-statement.yupdate')
        writeFileSync(updateFile, history.versions.at(-1)!.state)
        built = { ...history, updateFile }
      }
      const { versions, finalLength, updateFile } = built
      const dataDir = mkdtempSync(join(context.tmpRoot, 'caucus-versions-'))
      let running: RunningTarget | null = null
      try {
        running = await startTarget('caucus', { dataDir, persist: true })
        const [none, many] = (await running.createRooms(2, 'versions')) as [string, string]
        for (const room of [none, many]) {
          await runJob({ kind: 'coldWrite', target: targetRef(running), room, updateFile, expectedLength: finalLength, timeoutMs: 60_000 }, 90_000)
        }
        await running.server.stop()
        running = null

        const storage = new SqliteStorage(join(dataDir, 'caucus.sqlite'))
        // The server took a version of each when it unloaded them: "none" must have none.
        storage.database.prepare('DELETE FROM doc_versions WHERE doc_id IN (?, ?)').run(none, many)
        const inserted = performance.now()
        for (const version of versions) {
          await storage.versions.create(many, { ...version, name: null, kind: 'auto', title: 'versions', now: Date.now(), createdBy: null, editors: [], restoredFrom: null })
        }
        const insertMs = performance.now() - inserted
        const stored = storage.database
          .prepare('SELECT count(*) AS n, sum(length(state)) AS bytes, sum(length(snapshot)) AS snapshotBytes FROM doc_versions WHERE doc_id = ?')
          .get(many) as { n: number; bytes: number; snapshotBytes: number }
        await storage.close()

        running = await startTarget('caucus', { dataDir, persist: true, cpuProfDir: context.cpuProfDir })
        const samples: Record<string, number[]> = { [none]: [], [many]: [] }
        // Alternating which goes first, so neither is always the first open after the process started.
        const pair = runs++ % 2 === 0 ? [none, many] : [many, none]
        for (let i = 0; i < OPENS; i++) {
          for (const room of i % 2 === 0 ? pair : [...pair].reverse()) {
            await roomsUnloaded(running)
            const read = await runJob({ kind: 'coldRead', target: targetRef(running), room, expectedLength: finalLength, timeoutMs: 60_000 }, 90_000)
            samples[room]!.push(read.loadMs!)
          }
        }
        await running.server.stop()
        running = null
        const [openNone, openMany] = [median(samples[none]!), median(samples[many]!)]
        return {
          loadMsNone: openNone,
          loadMsMany: openMany,
          ratio: openMany / openNone,
          firstOpenMsNone: samples[none]![0]!,
          firstOpenMsMany: samples[many]![0]!,
          versions: stored.n,
          chars: finalLength,
          lastVersionBytes: versions.at(-1)!.state.length,
          lastSnapshotBytes: versions.at(-1)!.snapshot.length,
          meanVersionBytes: stored.bytes / stored.n,
          historyMb: (stored.bytes + stored.snapshotBytes) / 1024 / 1024,
          insertMsPerVersion: insertMs / versions.length,
        }
      } finally {
        await running?.server.stop()
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
  }
}
