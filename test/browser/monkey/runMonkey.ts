import * as Y from 'yjs'
import { fixtureArticle } from '../../helpers/statementFixture.js'
import { importOk } from '../../helpers/sourcesApi.js'
import type { TestServer } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { freshClient, storedJson, yDocJson } from '../../helpers/yDocJson.js'
import { EDITOR } from '../chromium.js'
import { blockTexts, newErrors, openFreshDocument, settle, type Person } from '../coEdit.js'
import { playSteps, type PageLog } from './actions.js'
import { checkBursts, type Burst } from './burstCheck.js'
import { installProbe } from './pageProbe.js'
import type { MonkeyPlan } from './plan.js'

/** What one seed did and what was wrong at the end (nothing, when it passed). */
export interface SeedOutcome {
  seed: number
  pages: number
  actionsPerPage: number
  problems: string[]
  /** Actions run, by kind, over all pages. */
  counts: Record<string, number>
  /** Warnings the pages logged meanwhile (the binding logs a re-render from the Y.Doc there). */
  warnings: string[]
  /** What pages showed when an action could not be done (not failures: people collide). */
  notes: string[]
  finalText: string[]
  durationMs: number
  /** When the seed failed: the shared final document (a Yjs update, base64) and the bursts, to study offline. */
  evidence?: { update: string; bursts: Burst[] }
}

const SEED_PARAGRAPHS = ['We support the draft.', 'Public parks for all.', 'Schools need safe access.']
const SOURCE = { query: 'schools brace', citeButton: `Cite ${fixtureArticle.title} at the cursor` }

/** The command that replays one seed exactly (the same script for every page). */
export function replayCommand(plan: MonkeyPlan): string {
  const actions = plan.steps[0]?.length ?? 0
  return `MONKEY_SEED=${plan.seed} MONKEY_PAGES=${plan.pages} MONKEY_ACTIONS=${actions} npx vitest run test/browser/monkey.test.ts`
}

/**
 * Plays `plan` on a fresh document with the first `plan.pages` people, then checks: every page, a fresh client
 * and storage hold the same ProseMirror JSON; no page threw; each person's typing stayed together.
 */
export async function runSeed(server: TestServer, everyone: readonly Person[], plan: MonkeyPlan): Promise<SeedOutcome> {
  const started = Date.now()
  const people = everyone.slice(0, plan.pages)
  if (people.length < plan.pages) throw new Error(`the plan needs ${plan.pages} pages, ${people.length} are open`)
  // Pages this seed does not use leave the previous document, so they do not keep editing or loading it.
  await Promise.all(everyone.slice(plan.pages).map(({ page }) => page.goto('about:blank')))

  const docId = await openFreshDocument(server, people, SEED_PARAGRAPHS)
  await importOk(server.url, docId, [fixtureArticle])
  await Promise.all(people.map(async ({ page }) => {
    await page.locator('.source-item').first().waitFor()
    await installProbe(page)
  }))
  const errorMarks = people.map((person) => person.errors.length)
  const warningMarks = people.map((person) => person.console.length)

  const problems: string[] = []
  let runIds = 0
  const logs = await Promise.all(
    people.map(({ page, name }, index) =>
      playSteps({ page, label: name, source: SOURCE, nextRunId: () => ++runIds }, plan.steps[index]!).catch((error: unknown): PageLog => {
        problems.push(`${name}'s actions stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
        return { bursts: [], counts: {}, notes: [] }
      }),
    ),
  )

  // Pages first (they may need a moment to catch up); the shared document's own checks run whatever they show.
  const settled = await settle(server, docId, people, 20_000)
  if (!settled.ok) problems.push(settled.divergence)
  const reader = await freshClient(server.wsUrl, docId)
  const bursts = logs.flatMap((log) => log.bursts)
  const finalUpdate = Buffer.from(Y.encodeStateAsUpdate(reader.doc)).toString('base64')
  const sharedDoc = yDocJson(reader.doc)
  const shared = JSON.stringify(sharedDoc)
  const finalText = blockTexts(sharedDoc)
  try {
    if (settled.ok && JSON.stringify(settled.doc) !== shared) problems.push('a second fresh client got another document than the first')
    let stored = ''
    try {
      await waitFor(async () => (stored = JSON.stringify(await storedJson(server.dataDir, docId))) === shared, { timeoutMs: 10_000 })
    } catch {
      problems.push(`storage holds something else: ${stored} instead of ${shared}`)
    }
    problems.push(...checkBursts(reader.doc, bursts))
  } finally {
    reader.destroy()
  }
  problems.push(...newErrors(people, errorMarks).map((error) => `page error: ${error}`))
  // Still on the document's page (an action could have followed a link away).
  for (const { page, name } of people) if (!(await page.locator(EDITOR).count())) problems.push(`${name}'s page no longer shows the editor`)

  const evidence = problems.length > 0 ? { update: finalUpdate, bursts } : undefined
  const counts: Record<string, number> = {}
  for (const log of logs) for (const [kind, n] of Object.entries(log.counts)) counts[kind] = (counts[kind] ?? 0) + n
  const warnings = people.flatMap(({ name, console }, i) => console.slice(warningMarks[i]).map((line) => `${name}: ${line}`))
  return { seed: plan.seed, pages: plan.pages, actionsPerPage: plan.steps[0]?.length ?? 0, problems, counts, warnings, notes: logs.flatMap((log) => log.notes), finalText, durationMs: Date.now() - started, evidence }
}
