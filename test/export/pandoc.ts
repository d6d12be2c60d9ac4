import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Debian's pandoc (2.17 has --citeproc). Without it pandoc tests are skipped loudly, and fail under CI=true. */
export const PANDOC = '/usr/bin/pandoc'

const installed = existsSync(PANDOC)
const ci = process.env.CI === 'true'

/** Whether to run pandoc tests here: yes when installed, and under CI, where a missing pandoc must fail. */
export const runPandocTests = installed || ci

if (!runPandocTests) {
  console.warn(`\n!!! ${PANDOC} not found: pandoc export tests are SKIPPED (apt-get install -y pandoc; under CI=true they fail) !!!\n`)
}

/** Runs pandoc on `markdown` (given on stdin). */
export function pandoc(markdown: string, args: string[]): { stdout: string; stderr: string } {
  if (!installed) throw new Error(`${PANDOC} is missing, and CI=true requires it: apt-get install -y pandoc`)
  const result = spawnSync(PANDOC, ['--from', 'markdown', ...args], { input: markdown, encoding: 'utf8', timeout: 20_000 })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`pandoc exited with ${result.status}: ${result.stderr}`)
  return { stdout: result.stdout, stderr: result.stderr }
}
