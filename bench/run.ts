/**
 * `npm run bench`: starts each target in its own process, drives it from client processes, and writes the
 * side-by-side results. Flags:
 *   --quick          counts and durations ~5× smaller, 1 repetition; writes to bench/out/ (not the committed files)
 *   --reps N         repetitions per scenario (default 3; 1 with --quick)
 *   --only a,b       only scenarios whose id starts with one of these (fanout, many-rooms, cold-load, throughput,
 *                    durable-ack, export, browser, versions-open)
 *   --targets a,b    only these targets (caucus, y-websocket, hocuspocus, floor; also caucus-pg, the same build on
 *                    PostgreSQL (BENCH_DATABASE_URL, a fresh schema per server, dropped after); the diagnostic caucus-mem:
 *                    Caucus on an in-memory SQLite database, to show what durable writes cost; caucus-2p: two processes
 *                    on one PostgreSQL schema linked by Redis (BENCH_REDIS_URL) behind a TCP balancer, CPU and memory summed)
 *   --cpu-prof       write V8 CPU profiles of the Caucus server processes into bench/out/prof/
 *   --persist-all    competitors and floor persist in every scenario (by default only in cold load)
 *   --out DIR        where RESULTS.md and results-raw.json go (default: bench/ for a full run, bench/out/ for --quick)
 *   --report-only    only re-render RESULTS.md from the results-raw.json already in that folder
 *   --before REV     also run the Caucus server of commit REV (target caucus-before), for before/after figures
 * `npm run bench -- monkey [--seeds N] [--from S] [--actions N] [--pages N]` runs the long co-editing monkey
 * instead (bench/monkey.ts): a correctness run over many seeds, not a measurement.
 * `npm run bench -- fuzz [--messages N] [--seed S]` runs the long fuzz test (bench/fuzz.ts, a million messages).
 * `npm run bench -- crash-loop [--cycles N] [--engines sqlite,postgres] [--seed S]` runs the long crash loop
 * (bench/crashLoop.ts, 200 SIGKILL/restart cycles per engine).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { prepareBefore } from './before.js'
import { runCrashLoopBench } from './crashLoop.js'
import { runFuzzBench } from './fuzz.js'
import { runMonkeyBench } from './monkey.js'
import { waitForQuietMachine } from './proc.js'
import { renderTables, renderVerdicts, writeResults, type RawResults, type RunRecord } from './report.js'
import { browserScenario } from './scenarios/browser.js'
import { coldLoadScenario } from './scenarios/coldLoad.js'
import { exportScenario } from './scenarios/exportMarkdown.js'
import { durableAckScenario, fanoutScenarios } from './scenarios/fanout.js'
import type { RunContext, Scenario } from './scenarios/harness.js'
import { manyRoomsScenario } from './scenarios/manyRooms.js'
import { throughputScenario } from './scenarios/throughput.js'
import { versionsOpenScenario } from './scenarios/versionsOpen.js'
import { ALL_TARGETS, repoRoot, TARGET_ORDER, type TargetName } from './targets/index.js'

/** The whole run stops starting new measurements after this long (each measurement has its own timeout too). */
const RUN_DEADLINE_MS = 45 * 60_000
/** Before each measurement, wait up to this long for the machine to use less than this much CPU (% of one core). */
const QUIET_WAIT_MS = 15_000
const QUIET_BUSY_PCT = 30
/** All the waiting for quiet in one run stops after this much, so a busy machine cannot stretch a run for ever. */
const QUIET_BUDGET_MS = 5 * 60_000

if (process.argv[2] === 'monkey') process.exit(runMonkeyBench(process.argv.slice(3)))
if (process.argv[2] === 'fuzz') process.exit(runFuzzBench(process.argv.slice(3)))
if (process.argv[2] === 'crash-loop') process.exit(runCrashLoopBench(process.argv.slice(3)))

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reps: { type: 'string' },
    only: { type: 'string' },
    targets: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'persist-all': { type: 'boolean', default: false },
    out: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    before: { type: 'string' },
  },
})
const quick = flags.quick!
const only = flags.only?.split(',').filter(Boolean)
const chosenTargets = (flags.targets?.split(',') ?? TARGET_ORDER) as TargetName[]
const unknown = chosenTargets.filter((t) => !ALL_TARGETS.includes(t))
if (unknown.length > 0) throw new Error(`unknown target(s) ${unknown.join(', ')}; known: ${ALL_TARGETS.join(', ')}`)
const outDir = join(repoRoot, 'bench/out')
mkdirSync(outDir, { recursive: true })
const resultsDir = flags.out ?? (quick ? outDir : join(repoRoot, 'bench'))

if (flags['report-only']) {
  // Re-renders RESULTS.md from the raw runs (after editing the template or the tables), without measuring.
  writeResults(JSON.parse(readFileSync(join(resultsDir, 'results-raw.json'), 'utf8')) as RawResults, resultsDir)
  process.exit(0)
}

function machine(): Record<string, string> {
  // trimEnd only: `free -h` aligns its header with leading spaces.
  const sh = (command: string, args: string[]) => execFileSync(command, args).toString().trimEnd()
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc', []),
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: sh('free', ['-h']),
    node: process.version,
    kernel: sh('uname', ['-r']),
  }
}

const exportStep = exportScenario()
const browserStep = browserScenario(quick)
const all: Scenario[] = [
  ...fanoutScenarios(quick),
  manyRoomsScenario(quick),
  coldLoadScenario(quick),
  throughputScenario(quick),
  durableAckScenario(quick),
  exportStep,
  browserStep,
  versionsOpenScenario(quick),
]
const scenarios = all.filter((s) => !only || only.some((prefix) => s.id.startsWith(prefix)))
const skipReasons = new Map<string, string>()
const browserSkip = browserStep.skipReason()
if (browserSkip) skipReasons.set('browser', browserSkip)
const exportSkip = exportStep.skipReason()
if (exportSkip) skipReasons.set('export', exportSkip)

// With --before, the earlier server runs wherever today's does, except in the scenarios that are not servers.
if (flags.before) prepareBefore(flags.before)
const targetsOf = (scenario: Scenario): TargetName[] =>
  flags.before && scenario.targets.includes('caucus') && !['export', 'browser'].includes(scenario.id)
    ? [...scenario.targets, 'caucus-before']
    : scenario.targets

const tmpRoot = mkdtempSync(join(tmpdir(), 'caucus-bench-'))
const cpuProfDir = flags['cpu-prof'] ? join(outDir, 'prof') : undefined
const context: RunContext = { quick, tmpRoot, cpuProfDir, persistAll: flags['persist-all']! }
const raw: RawResults = {
  machine: machine(),
  options: { quick, reps: flags.reps ?? (quick ? 1 : 3), only: only ?? 'all', targets: chosenTargets, persistAll: context.persistAll },
  startedAt: new Date().toISOString(),
  finishedAt: '',
  scenarios: [],
  runs: [],
}

const started = performance.now()
let quietWaited = 0
try {
  for (const scenario of scenarios) {
    const skipped = skipReasons.get(scenario.id)
    const reps = Math.min(scenario.reps, Number(flags.reps ?? (quick ? 1 : scenario.reps)))
    raw.scenarios.push({ id: scenario.id, title: scenario.title, reps, skipped })
    if (skipped) {
      console.log(`\n== ${scenario.id}: skipped (${skipped})`)
      continue
    }
    console.log(`\n== ${scenario.id}: ${scenario.title}`)
    if (cpuProfDir) mkdirSync((context.cpuProfDir = join(cpuProfDir, scenario.id)), { recursive: true })
    // Targets alternate within each repetition (A B C D A B C D …) so drift hits them all alike.
    for (let rep = 1; rep <= reps; rep++) {
      for (const target of targetsOf(scenario).filter((t) => chosenTargets.includes(t))) {
        const record: RunRecord = { scenario: scenario.id, target, rep, wallMs: 0 }
        if (performance.now() - started > RUN_DEADLINE_MS) {
          record.error = 'not run: the whole run passed its deadline'
        } else {
          record.quiet = await waitForQuietMachine(Math.min(QUIET_WAIT_MS, Math.max(0, QUIET_BUDGET_MS - quietWaited)), QUIET_BUSY_PCT)
          quietWaited += record.quiet.waitedMs
          const runStarted = performance.now()
          try {
            record.metrics = await scenario.run(target, context)
          } catch (error) {
            record.error = error instanceof Error ? error.message : String(error)
          }
          record.wallMs = performance.now() - runStarted
        }
        raw.runs.push(record)
        const summary = record.metrics
          ? Object.entries(record.metrics).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`).join(' ')
          : `FAILED: ${record.error}`
        const quiet = record.quiet && record.quiet.waitedMs > 1000 ? ` (waited ${(record.quiet.waitedMs / 1000).toFixed(0)} s for a quiet machine)` : ''
        console.log(`  rep ${rep} ${target.padEnd(11)} ${(record.wallMs / 1000).toFixed(1)} s${quiet}  ${summary}`)
      }
    }
  }
} finally {
  rmSync(tmpRoot, { recursive: true, force: true })
}
raw.finishedAt = new Date().toISOString()

console.log(`\n${renderTables(raw)}\n${renderVerdicts(raw)}\n`)
writeResults(raw, resultsDir)
