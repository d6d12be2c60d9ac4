import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/testServer.js'
import { chromiumAvailable } from './chromium.js'
import { openPeople } from './coEdit.js'
import { planMonkey } from './monkey/plan.js'
import { replayCommand, runSeed, type SeedOutcome } from './monkey/runMonkey.js'
import { monkeySettings } from './monkey/settings.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const NAMES = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eun']
const settings = monkeySettings()

describe.runIf(chromiumAvailable())('the co-editing monkey', () => {
  it(`keeps every page equal to the shared document, throws nothing and keeps typing together (seeds ${settings.seeds.join(', ')})`, { timeout: settings.timeoutMs }, async () => {
    const plans = settings.seeds.map((seed) => planMonkey(seed, { pages: settings.pages, actionsPerPage: settings.actionsPerPage }))
    const server = await startTestServer({ clientDir })
    const people = await openPeople(server, NAMES.slice(0, Math.max(...plans.map((plan) => plan.pages))))

    const outcomes: SeedOutcome[] = []
    const failures: string[] = []
    for (const plan of plans) {
      const outcome = await runSeed(server, people, plan)
      outcomes.push(outcome)
      const verdict = outcome.problems.length === 0 ? 'ok' : `FAILED (${outcome.problems.length} problems)`
      console.log(`monkey seed ${plan.seed}: ${verdict}, ${plan.pages} pages, ${(outcome.durationMs / 1000).toFixed(1)} s, actions ${JSON.stringify(outcome.counts)}; replay: ${replayCommand(plan)}`)
      if (outcome.problems.length > 0) failures.push(`seed ${plan.seed} (replay: ${replayCommand(plan)}):\n  ${outcome.problems.join('\n  ')}`)
      if (settings.reportFile) writeFileSync(settings.reportFile, JSON.stringify(outcomes, null, 2))
    }
    expect(failures, `${failures.length} of ${plans.length} seeds failed`).toEqual([])
  })
})
