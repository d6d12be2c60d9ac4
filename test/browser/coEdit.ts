import type { JSONContent } from '@tiptap/core'
import type { Page } from 'playwright-core'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { addMember, emailFor } from '../helpers/testAuth.js'
import { createDoc, type TestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { freshClient, yDocJson } from '../helpers/yDocJson.js'
import { EDITOR, openAs, openBrowser, watchErrors } from './chromium.js'

/**
 * Helpers for the co-editing tests of issue 13: people in separate Chromium profiles, a fresh document per
 * round, and "settled" meaning every page shows exactly what a fresh y-websocket client gets from the server.
 */

export interface Person {
  name: string
  page: Page
  /** Uncaught errors of the page (none is ever acceptable). */
  errors: string[]
  /** Console warnings and errors of the page (the binding logs a fallback re-render there); reported, not asserted. */
  console: string[]
}

/** Typing speed of a quick typist: about 25 keys a second. */
export const KEY_DELAY_MS = 40

/** One Chromium profile per name, each having answered the name prompt on a throwaway document. */
export async function openPeople(server: TestServer, names: readonly string[]): Promise<Person[]> {
  const docId = await createDoc(server.url)
  return Promise.all(
    names.map(async (name) => {
      const context = await openBrowser()
      const page = context.pages()[0] ?? (await context.newPage())
      const errors = watchErrors(page)
      const logged: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') logged.push(`${message.type()}: ${message.text()}`)
      })
      await openAs(context, `${server.url}/d/${docId}`, name)
      return { name, page, errors, console: logged }
    }),
  )
}

/** The editor's document, as ProseMirror JSON (Tiptap keeps the editor on its DOM element). */
export function editorJson(page: Page): Promise<JSONContent> {
  return page.locator(EDITOR).evaluate((element) => (element as HTMLElement & { editor: { getJSON(): unknown } }).editor.getJSON()) as Promise<JSONContent>
}

/** The plain text of each top-level block. */
export function blockTexts(doc: JSONContent): string[] {
  const text = (node: JSONContent): string => (node.text ?? '') + (node.content ?? []).map(text).join('')
  return (doc.content ?? []).map(text)
}

/**
 * A new document holding `paragraphs` (written by a stock client, as a colleague would, so it is in nobody's
 * undo history), opened by everyone; resolves once every editor shows it.
 */
export async function openFreshDocument(server: TestServer, people: readonly Person[], paragraphs: readonly string[]): Promise<string> {
  const { docId, writer } = await seedParagraphs(server, paragraphs.length, (i) => paragraphs[i]!)
  writer.destroy()
  const url = `${server.url}/d/${docId}`
  await Promise.all(
    people.map(async ({ page, name }) => {
      // Each person signed up in openPeople; the document's owner (the default user) shares it with them.
      await addMember(server.url, docId, { email: emailFor(name) }, 'editor')
      await page.goto(url)
      await page.locator(EDITOR).waitFor()
      await waitFor(async () => JSON.stringify(blockTexts(await editorJson(page))) === JSON.stringify(paragraphs), {
        message: `${name}'s editor to show the new document`,
      })
    }),
  )
  return docId
}

/** Puts the caret at the end of top-level paragraph `index`, as a person would (click it, press End). */
export async function caretAtEndOf(page: Page, index: number): Promise<void> {
  await caretInto(page, index, 'End')
}

/** Puts the caret at the start of top-level paragraph `index`. */
export async function caretAtStartOf(page: Page, index: number): Promise<void> {
  await caretInto(page, index, 'Home')
}

/** The index of the top-level block that holds the editor's caret. */
export function caretBlock(page: Page): Promise<number> {
  return page
    .locator(EDITOR)
    .evaluate((element) => (element as HTMLElement & { editor: { state: { selection: { $head: { index(depth: number): number } } } } }).editor.state.selection.$head.index(0))
}

/**
 * Clicks paragraph `index` and presses `key`, and checks the caret is in that paragraph before going on: a click on
 * a busy machine can land before the page has laid the paragraph out, and a round would then test nothing.
 */
async function caretInto(page: Page, index: number, key: 'End' | 'Home'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(`${EDITOR} > p`).nth(index).click()
    await page.keyboard.press(key)
    if ((await caretBlock(page)) === index) return
  }
  throw new Error(`three clicks on paragraph ${index} left the caret in paragraph ${await caretBlock(page)}`)
}

export type Settled = { ok: true; doc: JSONContent } | { ok: false; divergence: string }

/**
 * Waits until every page's editor holds exactly the document a fresh y-websocket client receives from the
 * server. When that never happens, says how each page differed from it at the last look.
 */
export async function settle(server: Pick<TestServer, 'url' | 'wsUrl'>, docId: string, people: readonly Person[], timeoutMs = 10_000): Promise<Settled> {
  const client = await freshClient(server.wsUrl, docId)
  // Set inside the polled function; typed so TypeScript does not narrow it to null after the await.
  let last = null as { shared: JSONContent; pages: JSONContent[] } | null
  try {
    const doc = await waitFor(
      async () => {
        const shared = yDocJson(client.doc)
        const pages = await Promise.all(people.map(({ page }) => editorJson(page)))
        last = { shared, pages }
        const expected = JSON.stringify(shared)
        return pages.every((json) => JSON.stringify(json) === expected) ? shared : null
      },
      { timeoutMs, message: 'every page to show the shared document' },
    )
    return { ok: true, doc }
  } catch {
    return { ok: false, divergence: last ? describeDivergence(people, last.shared, last.pages) : 'no page could be read' }
  } finally {
    client.destroy()
  }
}

/**
 * How pages differ from the shared document: the blocks' texts when they differ, else the JSON of the first
 * block that differs (a mark or a node the text does not show).
 */
function describeDivergence(people: readonly Person[], shared: JSONContent, pages: JSONContent[]): string {
  const sharedBlocks = shared.content ?? []
  const differing = people.flatMap(({ name }, i) => {
    const page = pages[i]!
    if (JSON.stringify(page) === JSON.stringify(shared)) return []
    const texts = blockTexts(page)
    if (JSON.stringify(texts) !== JSON.stringify(blockTexts(shared))) return [`${name} shows ${JSON.stringify(texts)}`]
    const blocks = page.content ?? []
    const index = blocks.findIndex((block, k) => JSON.stringify(block) !== JSON.stringify(sharedBlocks[k]))
    return [`${name}'s block ${index} is ${JSON.stringify(blocks[index])} where the shared one is ${JSON.stringify(sharedBlocks[index])}`]
  })
  return `pages differ from the shared document ${JSON.stringify(blockTexts(shared))}: ${differing.join('; ')}`
}

/** Page errors raised since `marks` (one count per person), named by person. */
export function newErrors(people: readonly Person[], marks: readonly number[]): string[] {
  return people.flatMap(({ name, errors }, i) => errors.slice(marks[i]).map((error) => `${name}: ${error}`))
}

/**
 * The block texts everyone settled on after a round, or null with the round's problems noted (page errors since
 * `marks`, or pages that never matched the shared document).
 */
export async function settledRoundTexts(
  server: TestServer,
  docId: string,
  people: readonly Person[],
  marks: readonly number[],
  round: number,
  problems: string[],
): Promise<string[] | null> {
  const settled = await settle(server, docId, people)
  const errors = newErrors(people, marks)
  if (errors.length > 0) problems.push(`round ${round}: page errors ${JSON.stringify(errors)}`)
  if (!settled.ok) {
    problems.push(`round ${round}: ${settled.divergence}`)
    return null
  }
  return blockTexts(settled.doc)
}

/**
 * Starts timing the edits a page makes (each `input` event, as the page handles it); the returned function gives
 * the longest pause between two of them, in ms. Yjs groups edits into one undo step while they come less than
 * 500 ms apart, so a round whose typing stalled that long on a busy machine cannot test one-step undo.
 */
export async function timeTyping(page: Page): Promise<() => Promise<number>> {
  await page.locator(EDITOR).evaluate((element) => {
    const times: number[] = []
    ;(window as unknown as { typingTimes: number[] }).typingTimes = times
    element.addEventListener('input', () => times.push(performance.now()))
  })
  return () =>
    page.evaluate(() => {
      const times = (window as unknown as { typingTimes: number[] }).typingTimes
      return times.slice(1).reduce((longest, time, i) => Math.max(longest, time - times[i]!), 0)
    })
}
