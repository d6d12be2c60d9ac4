import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCitedDocument, type Piece } from '../helpers/citedSources.js'
import { fixtureArticle, fixtureBill } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const SHOTS = '/tmp/shots-uifix'

/** The bill cited three times, far apart (screens of text between), and the article once. */
function statement(): Piece[][] {
  const filler = (n: number) => Array.from({ length: 15 }, (_, i): Piece[] => [`Paragraph ${n}.${i}: the council should keep the parks open to everyone, every day.`])
  return [
    ['First the bill ', { cite: fixtureBill.id }, ' and the article ', { cite: fixtureArticle.id }, '.'],
    ...filler(1),
    ['Second mention ', { cite: fixtureBill.id }, '.'],
    ...filler(2),
    ['Third mention ', { cite: fixtureBill.id }, '.'],
  ]
}

const uses = (page: Page, id: string) => page.locator(`.source-item[data-source-id="${id}"] .source-uses`)

/** Which citation of the bill holds the editor's selection (0-based), and whether it is on screen. */
function selectedBillCitation(page: Page): Promise<{ index: number; onScreen: boolean }> {
  return page.evaluate((billId) => {
    const citations = [...document.querySelectorAll<HTMLElement>(`.statement.ProseMirror .citation[data-source-id="${billId}"]`)]
    const index = citations.findIndex((citation) => citation.classList.contains('ProseMirror-selectednode'))
    const rect = citations[index]?.getBoundingClientRect()
    return { index, onScreen: !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight }
  }, fixtureBill.id)
}

describe.runIf(chromiumAvailable())('where a source is cited', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    it(`says "Cited once — jump to it" or "Cited 3 times — 1, 2, 3", and each jumps there from the keyboard (${viewport.width} px)`, async () => {
      const server = await startTestServer({ clientDir })
      const docId = await createCitedDocument(server, [fixtureBill, fixtureArticle], statement())
      const page = await openAs(await openBrowser(viewport), `${server.url}/d/${docId}`, 'Cleo')
      await expect.poll(() => uses(page, fixtureBill.id).innerText()).toBe('Cited 3 times — 1, 2, 3')
      expect(await uses(page, fixtureArticle.id).innerText()).toBe('Cited once — jump to it')

      const bill = page.getByRole('group', { name: `Citations of ${fixtureBill.title}` })
      for (const [index, name] of ['Jump to citation 3 of 3', 'Jump to citation 2 of 3', 'Jump to citation 1 of 3'].entries()) {
        await bill.getByRole('button', { name }).focus()
        await page.keyboard.press('Enter')
        await expect.poll(() => selectedBillCitation(page)).toEqual({ index: 2 - index, onScreen: true })
      }
      // Tab reaches the jump buttons: from the first to the second.
      await bill.getByRole('button', { name: 'Jump to citation 1 of 3' }).focus()
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Jump to citation 2 of 3')

      await page.getByRole('group', { name: `Citations of ${fixtureArticle.title}` }).getByRole('button', { name: 'jump to it' }).click()
      await expect.poll(() => page.locator('.statement.ProseMirror .citation.ProseMirror-selectednode').getAttribute('data-source-id')).toBe(fixtureArticle.id)

      expect(await axeViolations(page, '.sources')).toEqual([])
      mkdirSync(SHOTS, { recursive: true })
      await page.locator(`.source-item[data-source-id="${fixtureBill.id}"]`).scrollIntoViewIfNeeded()
      await page.locator('.sources').screenshot({ path: join(SHOTS, `sidebar-counts-${viewport.width}.png`) })
    })
  }
})
