import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { EDITOR } from './chromium.js'

interface EditorElement extends HTMLElement {
  editor: { state: { selection: { from: number; to: number; $from: { start(): number; index(depth: number): number } }; doc: { textBetween(from: number, to: number): string } } }
}

/**
 * Clicks the first line of a paragraph at its start, not its middle: a click in a commented passage makes its
 * thread the active one (and on a phone opens the list of threads over the text).
 */
function clickLineStart(paragraph: Locator): Promise<void> {
  return paragraph.click({ position: { x: 2, y: 12 } })
}

/** The text the editor has selected. */
function selectedText(page: Page): Promise<string> {
  return page.locator(EDITOR).evaluate((element) => {
    const { state } = (element as EditorElement).editor
    return state.doc.textBetween(state.selection.from, state.selection.to)
  })
}

/** The text of the caret's paragraph before the caret, after the paragraph's index: `2:The council`. */
function textBeforeCaret(page: Page): Promise<string> {
  return page.locator(EDITOR).evaluate((element) => {
    const { state } = (element as EditorElement).editor
    return `${state.selection.$from.index(0)}:${state.doc.textBetween(state.selection.$from.start(), state.selection.from)}`
  })
}

/** Puts the caret right before `words` in top-level paragraph `index` with the keyboard, and checks it. */
export async function caretBefore(page: Page, index: number, words: string): Promise<void> {
  const paragraph = page.locator(`${EDITOR} > p`).nth(index)
  const text = (await paragraph.textContent()) ?? ''
  const at = text.indexOf(words)
  for (let attempt = 0; attempt < 3; attempt++) {
    await clickLineStart(paragraph)
    await page.keyboard.press('Home')
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight')
    if ((await textBeforeCaret(page)) === `${index}:${text.slice(0, at)}`) return
  }
  throw new Error(`three tries put the caret at "${await textBeforeCaret(page)}" instead of before "${words}" in paragraph ${index}`)
}

/**
 * Selects `words` in top-level paragraph `index` with the keyboard, as a person would (a click, Home, arrows, then
 * Shift+arrows), and checks it: a click can land in the paragraph above while the text is still reflowing (the
 * margin of comments appearing narrows it).
 */
export async function selectWords(page: Page, index: number, words: string): Promise<void> {
  const paragraph = page.locator(`${EDITOR} > p`).nth(index)
  // Without collaborators' caret labels, which are text in the editor's DOM.
  const text = await paragraph.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  })
  const at = text.indexOf(words)
  if (at < 0) throw new Error(`"${words}" is not in paragraph ${index}: "${text}"`)
  for (let attempt = 0; attempt < 3; attempt++) {
    await clickLineStart(paragraph)
    await page.keyboard.press('Home')
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight')
    for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowRight')
    if ((await selectedText(page)) === words) return
  }
  throw new Error(`three tries selected "${await selectedText(page)}" instead of "${words}"`)
}

/** The words highlighted as commented in the text, one string per passage (adjacent highlight runs joined). */
export function highlightedPassages(page: Page): Promise<string[]> {
  return page.locator(EDITOR).evaluate((editor) => {
    const passages: string[] = []
    let last: Element | null = null
    for (const element of editor.querySelectorAll('.comment-anchor:not(.is-pending)')) {
      if (element.parentElement?.closest('.comment-anchor')) continue
      // Runs of one passage split by formatting follow each other directly.
      const copy = element.cloneNode(true) as HTMLElement
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
      const joined = last !== null && last.nextSibling === element
      if (joined) passages[passages.length - 1] += copy.textContent
      else passages.push(copy.textContent ?? '')
      last = element
    }
    return passages
  })
}

/** The thread card that has the focus (its thread id), or null. */
export function focusedThread(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-thread-card]')?.getAttribute('data-thread-card') ?? null)
}

/** The ids of the open threads' cards in the order the page lists them. */
export function threadOrder(page: Page): Promise<string[]> {
  return page.locator('[data-thread-card]:not(.is-resolved)').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-thread-card')!))
}

/** Saves a screenshot when CAUCUS_SCREENSHOTS names a folder (to look at the layout); does nothing otherwise. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.CAUCUS_SCREENSHOTS
  if (!folder) return
  mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: join(folder, `${name}.png`) })
}
