import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Metrics } from '../clients/jobs.js'
import { repoRoot } from '../targets/index.js'
import type { Scenario } from './harness.js'

const EXPORT_BENCH = join(repoRoot, 'bench/exportBench.ts')

/** The median a line of bench/exportBench.ts's output reports, e.g. "exportMarkdown, notes style   median 21.7 ms". */
function medianFrom(output: string, label: RegExp): number {
  const line = output.split('\n').find((l) => label.test(l))
  const match = line && /median\s+([\d.]+)\s*ms/.exec(line)
  return match ? Number(match[1]) : NaN
}

/**
 * Scenario 6: markdown export of 200 paragraphs with 500 citations. The statement and the timing loop are
 * bench/exportBench.ts (written with the export code); this runs it in its own process and reads its medians.
 */
export function exportScenario(): Scenario & { skipReason(): string | null } {
  return {
    id: 'export',
    title: 'markdown export, 200 paragraphs and 500 citations (bench/exportBench.ts)',
    targets: ['caucus'],
    reps: 1,
    skipReason: () => {
      if (!existsSync(join(repoRoot, 'shared/export/index.ts'))) return 'shared/export/index.ts does not exist yet'
      return existsSync(EXPORT_BENCH) ? null : 'bench/exportBench.ts does not exist yet'
    },
    run: async (): Promise<Metrics> => {
      const output = execFileSync(process.execPath, ['--import', 'tsx', EXPORT_BENCH], { cwd: repoRoot, timeout: 120_000 }).toString()
      console.log(output.trimEnd().replace(/^/gm, '    '))
      const metrics = { exportMs: medianFrom(output, /notes style/), exportPandocMs: medianFrom(output, /pandoc style/) }
      if (!Number.isFinite(metrics.exportMs)) throw new Error(`no "notes style … median N ms" line in bench/exportBench.ts's output`)
      return metrics
    },
  }
}
