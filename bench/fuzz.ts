/**
 * `npm run bench -- fuzz [--messages N] [--seed S]`: the long version of the fuzz test (test/server/malformedInput
 * .test.ts, 100,000 messages in `npm test`): by default a million malformed, oversized and flooding messages from an
 * editor against the built server, with the same assertions, ending with the same one-line summary (the
 * well-behaved client's round-trip p99 and the server's peak RSS). Exits 1 when the test failed; the seed replays it.
 */
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { repoRoot } from './targets/index.js'

export function runFuzzBench(args: string[]): number {
  const { values } = parseArgs({ args, options: { messages: { type: 'string', default: '1000000' }, seed: { type: 'string' } } })
  const seed = values.seed ?? String(Date.now() % 1_000_000)
  console.log(`fuzz: ${values.messages} messages, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_MESSAGES=${values.messages} npx vitest run test/server/malformedInput.test.ts)`)
  const run = spawnSync('npx', ['vitest', 'run', 'test/server/malformedInput.test.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SEED: seed, FUZZ_MESSAGES: values.messages },
  })
  return run.status ?? 1
}
