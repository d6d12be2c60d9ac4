/**
 * `npm run bench -- crash-loop [--cycles N] [--engines sqlite,postgres] [--seed S]`: the long version of the crash
 * loop (test/server/faults/crashLoop*.test.ts, 20 cycles in `npm test`): by default 200 SIGKILL/restart cycles of
 * the built server under four writing clients that ask for acks, on SQLite and on PostgreSQL, with the same
 * assertions (no acknowledged edit lost, none duplicated, checked in storage after every kill) and the same
 * one-line summary per engine. Exits 1 when a run failed; the seed replays its kill timings.
 */
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { repoRoot } from './targets/index.js'

const TEST_FILES: Record<string, string> = {
  sqlite: 'test/server/faults/crashLoopSqlite.test.ts',
  postgres: 'test/server/faults/crashLoopPostgres.test.ts',
}

export function runCrashLoopBench(args: string[]): number {
  const { values } = parseArgs({ args, options: { cycles: { type: 'string', default: '200' }, engines: { type: 'string', default: 'sqlite,postgres' }, seed: { type: 'string' } } })
  const engines = values.engines.split(',').filter(Boolean)
  const unknown = engines.filter((engine) => !(engine in TEST_FILES))
  if (unknown.length > 0) throw new Error(`unknown engine(s) ${unknown.join(', ')}; known: ${Object.keys(TEST_FILES).join(', ')}`)
  const seed = values.seed ?? String(Date.now() % 1_000_000)
  console.log(`crash loop: ${values.cycles} cycles on ${engines.join(' and ')}, seed ${seed} (replay: CRASH_LOOP_SEED=${seed} CRASH_LOOP_CYCLES=${values.cycles} npx vitest run <file>)`)
  // One engine after the other: the figures are then each engine's own, not two loops sharing two cores.
  let status = 0
  for (const engine of engines) {
    const run = spawnSync('npx', ['vitest', 'run', '--no-file-parallelism', TEST_FILES[engine]!], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, CRASH_LOOP_SEED: seed, CRASH_LOOP_CYCLES: values.cycles },
    })
    if (run.status !== 0) status = 1
  }
  return status
}
