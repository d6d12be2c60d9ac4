import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readMemory } from '../proc.js'
import { TARGET_ORDER, startTarget, type RunningTarget, type TargetName } from '../targets/index.js'
import { dropBenchSchema } from '../targets/postgresSchema.js'
import { buildTraceDocument, type BuiltDocument } from '../trace.js'
import { targetRef, type RunContext, type Scenario } from './harness.js'
import { runJob } from './workers.js'

/**
 * Scenario 3: the automerge-paper trace replayed into a ~105k-character Y.Text is sent to the server by a client
 * and stored; the server is stopped (gracefully) and started again; then a fresh client's time until it holds
 * the whole text. Every target persists here (y-leveldb, Hocuspocus's SQLite extension, the floor's frame log).
 */
export function coldLoadScenario(quick: boolean): Scenario {
  let built: BuiltDocument | null = null
  return {
    id: 'cold-load',
    title: 'cold load of the automerge-paper document after a restart',
    targets: [...TARGET_ORDER, 'caucus-pg'],
    reps: 3,
    run: async (name: TargetName, context: RunContext) => {
      built ??= buildTraceDocument(context.tmpRoot, quick ? 0.2 : 1)
      const dataDir = mkdtempSync(join(context.tmpRoot, `${name}-cold-`))
      let running: RunningTarget | null = null
      try {
        running = await startTarget(name, { dataDir, persist: true })
        const [room] = await running.createRooms(1, 'cold')
        const common = { room: room!, expectedLength: built.expectedLength, timeoutMs: 60_000 }
        const write = await runJob({ kind: 'coldWrite', target: targetRef(running), updateFile: built.updateFile, ...common }, 90_000)
        await running.server.stop()
        // The restarted Caucus server is the one worth profiling here.
        running = await startTarget(name, { dataDir, persist: true, cpuProfDir: name === 'caucus' ? context.cpuProfDir : undefined })
        const read = await runJob({ kind: 'coldRead', target: targetRef(running), ...common }, 90_000)
        return {
          ...read,
          writeMs: write.writeMs!,
          restartMs: running.server.startMs,
          chars: built.expectedLength,
          updateBytes: built.updateBytes,
          serverPeakRssMb: readMemory(running.server.pid).peakRssKb / 1024,
        }
      } finally {
        await running?.server.stop()
        await dropBenchSchema(dataDir)
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
  }
}
