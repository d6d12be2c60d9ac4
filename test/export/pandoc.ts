import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Debian's pandoc (2.17 has --citeproc). Without it pandoc tests are skipped loudly, and fail under CI=true. */
export const PANDOC = '/usr/bin/pandoc'

/** Debian's citation-style-language-styles, the styles the README's pandoc command uses. */
export const CSL_STYLES = '/usr/share/citation-style-language/styles'
export const CHICAGO_NOTES = `${CSL_STYLES}/chicago-fullnote-bibliography.csl`
export const CHICAGO_AUTHOR_DATE = `${CSL_STYLES}/chicago-author-date.csl`

const missing = [PANDOC, CHICAGO_NOTES, CHICAGO_AUTHOR_DATE].filter((path) => !existsSync(path))
const ci = process.env.CI === 'true'
const INSTALL = 'apt-get install -y pandoc citation-style-language-styles'

/** Whether to run pandoc tests here: yes when installed, and under CI, where anything missing must fail. */
export const runPandocTests = missing.length === 0 || ci

if (!runPandocTests) {
  console.warn(`\n!!! ${missing.join(', ')} not found: pandoc export tests are SKIPPED (${INSTALL}; under CI=true they fail) !!!\n`)
}

/** Runs pandoc on `markdown` (given on stdin). */
export function pandoc(markdown: string, args: string[]): { stdout: string; stderr: string } {
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing, and CI=true requires them: ${INSTALL}`)
  const result = spawnSync(PANDOC, ['--from', 'markdown', ...args], { input: markdown, encoding: 'utf8', timeout: 20_000 })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`pandoc exited with ${result.status}: ${result.stderr}`)
  return { stdout: result.stdout, stderr: result.stderr }
}

/** Pandoc's plain-text rendering of `markdown` with its citations resolved in the CSL style at `csl`. */
export function citeproc(markdown: string, csl: string): { stdout: string; stderr: string } {
  return pandoc(markdown, ['--citeproc', '--csl', csl, '--to', 'plain', '--wrap=none'])
}
