import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TargetRef } from '../clients/connect.js'
import type { Metrics } from '../clients/jobs.js'
import { sumMemory } from '../proc.js'
import { startTarget, type RunningTarget, type StartOptions, type TargetName } from '../targets/index.js'
import { dropBenchSchema } from '../targets/postgresSchema.js'

/** What every scenario gets from the orchestrator. */
export interface RunContext {
  quick: boolean
  /** Scratch folder for this run; each server gets a fresh folder inside it. */
  tmpRoot: string
  /** When set, Caucus servers write CPU profiles here. */
  cpuProfDir?: string
  /** Competitors and floor persist in every scenario (not only cold load). */
  persistAll: boolean
}

/** How a scenario looks from the orchestrator: one measurement of one target. */
export interface Scenario {
  id: string
  title: string
  targets: TargetName[]
  /** Repetitions (the orchestrator may lower it; see --reps). */
  reps: number
  run(target: TargetName, context: RunContext): Promise<Metrics>
}

export const targetRef = (running: RunningTarget): TargetRef => ({
  name: running.spec.name,
  protocol: running.spec.protocol,
  readyOn: running.spec.readyOn,
  wsBase: running.wsBase,
  serverPids: running.serverPids,
  headers: running.headers,
})

/**
 * Starts `name` on a fresh data folder (and, for caucus-pg, a fresh PostgreSQL schema), runs `body`, adds the
 * server's peak RSS over its whole life, and stops it (gracefully, then by force) and removes its data whatever
 * happened.
 */
export async function withFreshServer(
  name: TargetName,
  context: RunContext,
  options: Partial<StartOptions>,
  body: (running: RunningTarget) => Promise<Metrics>,
): Promise<Metrics> {
  const dataDir = mkdtempSync(join(context.tmpRoot, `${name}-`))
  const running = await startTarget(name, {
    dataDir,
    persist: context.persistAll,
    cpuProfDir: name.startsWith('caucus') ? context.cpuProfDir : undefined,
    ...options,
  })
  try {
    const idle = sumMemory(running.serverPids)
    const metrics = await body(running)
    return { ...metrics, serverIdleRssMb: idle.rssKb / 1024, serverPeakRssMb: sumMemory(running.serverPids).peakRssKb / 1024 }
  } finally {
    await running.server.stop()
    await dropBenchSchema(dataDir)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
