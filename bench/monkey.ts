/**
 * `npm run bench -- monkey`: the long co-editing monkey. Plays many seeds (3 to 5 Chromium pages each, chosen by
 * the seed) through the same test as `npm test` (test/browser/monkey.test.ts), then lists the seeds it ran and,
 * for each failing one, its problems and the command that replays it. Flags:
 *   --seeds N     how many seeds (default 20)
 *   --from S      the first seed (default: from the clock, printed); seeds are S, S+1, …
 *   --actions N   actions per page (default 30)
 *   --pages N     pages for every seed (3 to 5) instead of the seed's choice
 * Writes bench/out/monkey-<first seed>.json. Exits 1 when a seed failed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { SeedOutcome } from '../test/browser/monkey/runMonkey.js'
import { repoRoot } from './targets/index.js'

/** Generous: a seed of 5 pages × 30 actions takes about a minute on a busy 2-core machine. */
const MS_PER_SEED = 240_000

export function runMonkeyBench(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { seeds: { type: 'string', default: '20' }, from: { type: 'string' }, actions: { type: 'string', default: '30' }, pages: { type: 'string' } },
  })
  const count = Number(values.seeds)
  const from = values.from !== undefined ? Number(values.from) : Date.now() % 1_000_000
  if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(from) || from < 0) throw new Error('--seeds and --from must be whole numbers (seeds ≥ 1)')
  const seeds = Array.from({ length: count }, (_, i) => from + i)
  const outDir = join(repoRoot, 'bench/out')
  mkdirSync(outDir, { recursive: true })
  const reportFile = join(outDir, `monkey-${from}.json`)
  console.log(`monkey: seeds ${from}…${from + count - 1}, ${values.actions} actions per page, ${values.pages ?? '3 to 5 (from the seed)'} pages`)

  // The browser tests run the built client: build today's.
  const build = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('vite build failed')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONKEY_SEEDS: seeds.join(','),
    MONKEY_ACTIONS: values.actions,
    MONKEY_REPORT: reportFile,
    MONKEY_TIMEOUT_MS: String(60_000 + count * MS_PER_SEED),
  }
  if (values.pages !== undefined) env.MONKEY_PAGES = values.pages
  else delete env.MONKEY_PAGES
  delete env.MONKEY_SEED
  const run = spawnSync('npx', ['vitest', 'run', 'test/browser/monkey.test.ts'], { cwd: repoRoot, stdio: 'inherit', env })

  const outcomes: SeedOutcome[] = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as SeedOutcome[]) : []
  const failed = outcomes.filter((outcome) => outcome.problems.length > 0)
  console.log(`\nmonkey: ran ${outcomes.length} of ${count} seeds: ${outcomes.map((o) => `${o.seed} (${o.pages} pages)`).join(', ')}`)
  for (const outcome of failed) {
    const pages = values.pages ?? String(outcome.pages)
    console.log(`\nseed ${outcome.seed} FAILED; replay: MONKEY_SEED=${outcome.seed} MONKEY_PAGES=${pages} MONKEY_ACTIONS=${values.actions} npx vitest run test/browser/monkey.test.ts`)
    for (const problem of outcome.problems) console.log(`  ${problem}`)
  }
  const notRun = seeds.filter((seed) => !outcomes.some((outcome) => outcome.seed === seed))
  if (notRun.length > 0) console.log(`\nnot run (the test stopped first): ${notRun.join(', ')}`)
  console.log(`\nmonkey: ${failed.length} failing, ${outcomes.length - failed.length} passing; report in ${reportFile}`)
  return failed.length === 0 && notRun.length === 0 && run.status === 0 ? 0 : 1
}
