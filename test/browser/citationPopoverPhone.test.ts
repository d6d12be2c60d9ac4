import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CslItem } from '../../shared/sources/index.js'
import { createCitedDocument } from '../helpers/citedSources.js'
import { startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const SHOTS = '/tmp/shots-uifix'
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

// A 300-character URL with no place a browser would break it on its own, and a title with a long word.
const LONG_URL = `https://leginfo.example.org/faces/billTextClient.xhtml?bill_id=${'201720180SB54'.repeat(18)}`.slice(0, 300)
const longBill: CslItem = {
  id: 'src_longbill001',
  type: 'bill',
  title: 'Law enforcement: sharing data between state and local agencies and federal immigration authorities — the InteragencyDataSharingAndConfidentialityOfRecordsProvisions',
  number: 'SB 54',
  authority: 'California State Senate',
  jurisdiction: 'California',
  issued: { 'date-parts': [[2017, 3, 13]] },
  URL: LONG_URL,
  custom: { caucusKind: 'billVersion', session: '2017–2018', versionLabel: 'Amended Senate' },
}

const popover = (page: Page) => page.getByRole('dialog', { name: 'Citation details' })

/** How far (px) any part of an element's content sticks out past its right edge, or the screen's. */
function overflow(page: Page, selector: string): Promise<{ pastEdge: number; pastScreen: number; widest: string }> {
  return page.locator(selector).evaluate((box) => {
    const right = box.getBoundingClientRect().right
    let worst = 0
    let widest = ''
    for (const element of box.querySelectorAll('*')) {
      const past = element.getBoundingClientRect().right - right
      if (past > worst) [worst, widest] = [past, element.className]
    }
    // Text can overflow the box of its own element, so measure the text itself too.
    const range = document.createRange()
    range.selectNodeContents(box)
    for (const rect of range.getClientRects()) {
      if (rect.right - right > worst) [worst, widest] = [rect.right - right, 'text']
    }
    return { pastEdge: worst, pastScreen: right - window.innerWidth, widest }
  })
}

async function openDocument(viewport: typeof PHONE, touch: boolean): Promise<Page> {
  const server = await startTestServer({ clientDir })
  const docId = await createCitedDocument(server, [longBill], [['The bill was amended ', { cite: longBill.id }, ' in March.']])
  const page = await openAs(await openBrowser(viewport, { touch }), `${server.url}/d/${docId}`, 'Tess')
  await page.locator('.statement .citation:not(.citation-loading)').waitFor()
  return page
}

describe.runIf(chromiumAvailable())('the citation popover', () => {
  it('opens on a tap on a 390 px touch screen, stays open, and closes on a tap elsewhere', async () => {
    const page = await openDocument(PHONE, true)
    await page.locator('.statement .citation').tap()
    await popover(page).waitFor()
    // The caret moving into the text must not close it a moment later.
    await page.waitForTimeout(600)
    expect(await popover(page).isVisible()).toBe(true)
    expect(await popover(page).innerText()).toContain('SB 54')

    // The first word of the paragraph: text, not the citation.
    await page.locator('.statement p').first().tap({ position: { x: 4, y: 6 } })
    await popover(page).waitFor({ state: 'hidden' })
  })

  for (const [name, viewport, touch] of [['390 px phone', PHONE, true], ['1280 px screen', DESKTOP, false]] as const) {
    it(`wraps a 300-character URL and a long title inside its edge (and the sidebar's) on a ${name}`, async () => {
      const page = await openDocument(viewport, touch)
      const citation = page.locator('.statement .citation')
      if (touch) await citation.tap()
      else await citation.hover()
      await popover(page).waitFor()
      expect(await popover(page).innerText()).toContain(LONG_URL.slice(0, 40))
      for (const [where, selector] of [['popover', '.citation-popover'], ['source in the sidebar', '.source-item']] as const) {
        const measured = await overflow(page, selector)
        expect(measured.pastEdge, `"${measured.widest}" runs past the ${where}`).toBeLessThanOrEqual(0.5)
        expect(measured.pastScreen, `the ${where} runs off the screen`).toBeLessThanOrEqual(0)
      }
      expect(await axeViolations(page, '.citation-popover')).toEqual([])
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: join(SHOTS, `popover-${viewport.width}.png`) })
    })
  }
})
