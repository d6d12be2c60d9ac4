import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** Which of these are drawn at all (an element inside a hidden one is not). */
const drawn = (page: Page, selectors: string[]) =>
  page.evaluate(
    (list) => Object.fromEntries(list.map((selector) => [selector, [...document.querySelectorAll<HTMLElement>(selector)].some((element) => element.checkVisibility())])),
    selectors,
  )

const CHROME = ['.back-link', '#doc-title', '.save-status', '.presence', '.header-button', '.toolbar', '.sources', '.statement-counts', '.collaboration-carets__caret']

describe.runIf(chromiumAvailable())('printing a statement', () => {
  it('prints the title, the text with note numbers and the notes, without the app around them', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createFixtureDocument(server, 'Keep schools safe: a statement')
    // A second person, so a remote caret is in the text.
    const mo = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Mo')
    // Opening a statement focuses nothing; Mo clicks into the text, so his caret is shared.
    await mo.locator(EDITOR).click()
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Nia')
    await page.locator('.source-item').first().waitFor()
    await page.locator('.collaboration-carets__caret').waitFor({ state: 'attached' })

    await page.emulateMedia({ media: 'print' })
    await page.locator('.print-notes').waitFor()
    expect(await drawn(page, CHROME)).toEqual(Object.fromEntries(CHROME.map((selector) => [selector, false])))
    expect(await drawn(page, ['.print-title', EDITOR, '.print-notes'])).toEqual({ '.print-title': true, [EDITOR]: true, '.print-notes': true })
    expect(await page.locator('.print-title').innerText()).toBe('Keep schools safe: a statement')

    // Citations are numbered in reading order, and each number has its note: full the first time, short after.
    const numbers = await page
      .locator(`${EDITOR} .citation`)
      .evaluateAll((citations) => citations.map((citation) => getComputedStyle(citation, '::before').content))
    expect(numbers).toEqual(['counter(note)', 'counter(note)', 'counter(note)'])
    expect(await page.locator('.print-notes li').allInnerTexts()).toEqual([
      'AB 99, Sanctuary Schools Act, 2017–2018 Reg. Sess. (Cal.), as amended in Assembly, February 14, 2018, https://leginfo.example.org/ab99/amended.',
      'Ana Ruiz, “Schools brace for raids,” Harbor Times, March 2, 2018, para. 2, https://news.example.org/schools.',
      'AB 99 (am. Assembly, Feb. 14, 2018), § 3.',
    ])

    // Back on screen, the notes are gone and the app is back.
    await page.emulateMedia({ media: 'screen' })
    await expect.poll(() => page.locator('.print-notes').count()).toBe(0)
    expect((await drawn(page, ['.toolbar', '.sources']))['.toolbar']).toBe(true)
  })

  it('builds the notes on the browser’s beforeprint (Ctrl+P), before the page is laid out for paper', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createFixtureDocument(server, 'Schools')
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Nia')
    await page.locator('.source-item').first().waitFor()
    // Dispatched and read back in one task: the notes must be in the document synchronously.
    const notesAtOnce = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'))
      const count = document.querySelectorAll('.print-notes li').length
      window.dispatchEvent(new Event('afterprint'))
      return count
    })
    expect(notesAtOnce).toBe(3)
  })
})
