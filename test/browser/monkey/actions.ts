import type { Page } from 'playwright-core'
import type { Burst } from './burstCheck.js'
import { focusEditor, pageClock, placeSelection, textBeforeCaret } from './pageProbe.js'
import type { MonkeyAction, Step } from './plan.js'

/** What one page's run of its steps leaves behind for the final checks. */
export interface PageLog {
  /** Every typing burst, with the Yjs clock range it inserted. */
  bursts: Burst[]
  /** How often each kind of action ran, and how often one was skipped (and why): the document made it pointless. */
  counts: Record<string, number>
  /** What the page showed when an action could not be done (the text before the caret when the picker stayed shut). */
  notes: string[]
}

export interface PageActor {
  page: Page
  label: string
  /** The document's source: its title (for the picker) and its Cite button's accessible name. */
  source: { query: string; citeButton: string }
  /** Run ids are unique across pages: a run is one person's uninterrupted typing at one place. */
  nextRunId: () => number
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function perform(actor: PageActor, action: MonkeyAction, log: PageLog, run: { id: number }): Promise<void> {
  const { page } = actor
  const count = (name: string) => (log.counts[name] = (log.counts[name] ?? 0) + 1)
  const goTo = async (place: Parameters<typeof placeSelection>[1] | null, length = 0) => {
    if (place) return placeSelection(page, place, length)
    await focusEditor(page)
    return null
  }
  count(action.kind)
  switch (action.kind) {
    case 'type': {
      await goTo(action.place)
      if (action.place) run.id = actor.nextRunId()
      const before = await pageClock(page)
      await page.keyboard.type(action.text, { delay: action.keyDelayMs })
      const after = await pageClock(page)
      if (after.client !== before.client) throw new Error(`${actor.label}'s Yjs client id changed while typing`)
      log.bursts.push({ run: run.id, client: before.client, start: before.clock, end: after.clock, text: action.text, label: `${actor.label} run ${run.id}` })
      return
    }
    case 'delete': {
      const selected = await goTo(action.place, action.selectLength)
      const presses = selected && selected.to > selected.from ? 1 : action.count
      for (let i = 0; i < presses; i++) await page.keyboard.press(action.key)
      return
    }
    case 'enter':
      await goTo(action.place)
      await page.keyboard.press('Enter')
      return
    case 'paste': {
      const copied = await placeSelection(page, action.from, action.length)
      if (copied.to === copied.from) return void count('paste skipped: empty block')
      await page.keyboard.press('Control+c')
      await placeSelection(page, action.to)
      await page.keyboard.press('Control+v')
      return
    }
    case 'undo':
    case 'redo':
      await focusEditor(page)
      for (let i = 0; i < action.count; i++) await page.keyboard.press(action.kind === 'undo' ? 'Control+z' : 'Control+Shift+z')
      return
    case 'cite':
      await goTo(action.place)
      if (action.via === 'button') {
        await page.getByRole('button', { name: actor.source.citeButton, exact: true }).click()
        return
      }
      await page.keyboard.type(`[@${actor.source.query}`, { delay: 30 })
      // Someone typing right at the caret can close the picker (the text before the caret is no longer `[@…`):
      // then the person gives up, as people do.
      try {
        await page.getByRole('listbox', { name: 'Cite a source' }).getByRole('option').first().waitFor({ timeout: 3000 })
        await page.keyboard.press('Enter')
      } catch {
        count('cite skipped: picker closed')
        log.notes.push(`${actor.label}: no cite picker after typing "[@${actor.source.query}"; before the caret: ${JSON.stringify(await textBeforeCaret(page))}`)
        await page.keyboard.press('Escape')
      }
      return
    case 'format': {
      const selected = await placeSelection(page, action.place, action.length)
      if (selected.to === selected.from) return void count('format skipped: empty block')
      await page.keyboard.press(action.key)
      return
    }
  }
}

/** Plays one page's steps in order, with their pauses. */
export async function playSteps(actor: PageActor, steps: readonly Step[]): Promise<PageLog> {
  const log: PageLog = { bursts: [], counts: {}, notes: [] }
  const run = { id: actor.nextRunId() }
  let previous: MonkeyAction['kind'] | null = null
  for (const { pauseMs, action } of steps) {
    await wait(pauseMs)
    // A run of typing is interrupted by anything else this person does.
    if (previous !== null && previous !== 'type') run.id = actor.nextRunId()
    await perform(actor, action, log, run)
    previous = action.kind
  }
  return log
}
