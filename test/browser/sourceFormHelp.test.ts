import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const SHOTS = '/tmp/shots-uifix'

/** The text a screen reader reads after a field's name: its aria-describedby elements. */
function description(field: Locator): Promise<string> {
  return field.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? `(no element #${id})`)
      .join(' '),
  )
}

/** Adds a version of SB 54 with leginfo's wording for the version. */
async function addVersion(page: Page, version: string, date: string) {
  await page.getByRole('button', { name: 'Add source' }).click()
  const form = page.getByRole('form', { name: 'Add a source' })
  await form.getByLabel('Kind of source').selectOption({ label: 'Bill version' })
  const fields = { Jurisdiction: 'California', 'Legislative body': 'California State Senate', Session: '2017–2018', 'Bill number': 'SB 54', Version: version, 'Version date': date, Title: 'California Values Act', URL: `https://leginfo.example.org/sb54/${date}` }
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: false }).first().fill(value)
  await form.getByRole('button', { name: 'Add source' }).click()
  await form.waitFor({ state: 'detached' })
}

describe.runIf(chromiumAvailable())('the bill form for a new user', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    it(`gives examples for Jurisdiction, Session and Version, reads leginfo's "Amended Senate", and names the version it saved (${viewport.width} px)`, async () => {
      const server = await startTestServer({ clientDir })
      const docId = await createDoc(server.url)
      const page = await openAs(await openBrowser(viewport), `${server.url}/d/${docId}`, 'Nora')
      await page.getByRole('button', { name: 'Add source' }).click()
      const form = page.getByRole('form', { name: 'Add a source' })
      await form.getByLabel('Kind of source').selectOption({ label: 'Bill version' })
      expect(await description(form.getByLabel('Jurisdiction'))).toMatch(/E\.g\. California/)
      expect(await description(form.getByLabel('Session'))).toMatch(/E\.g\. 2017–2018/)
      expect(await description(form.getByLabel('Version', { exact: true }))).toMatch(/Amended Senate.*Enrolled.*Chaptered/)
      expect(await axeViolations(page, '.source-form')).toEqual([])
      // An error joins the hint; the hint stays.
      await form.getByLabel('Session').focus()
      await form.getByLabel('Bill number').focus()
      expect(await description(form.getByLabel('Session'))).toMatch(/E\.g\. 2017–2018 .*required/i)
      mkdirSync(SHOTS, { recursive: true })
      await form.screenshot({ path: join(SHOTS, `bill-form-${viewport.width}.png`) })
      // With the mouse, right after leaving a required field empty: the press does not blur the field first, so no
      // error appears and moves Cancel from under the pointer.
      await form.getByRole('button', { name: 'Cancel' }).click()
      await form.waitFor({ state: 'detached' })

      await addVersion(page, 'Amended Senate', '2017-03-13')
      await expect.poll(() => page.locator('.sources-message').innerText()).toContain('Saved SB 54 (2017–2018), amended in Senate Mar. 13, 2017.')
      await addVersion(page, 'Amended Assembly', '2017-09-08')
      await expect.poll(() => page.locator('.sources-message').innerText()).toContain('Saved SB 54 (2017–2018), amended in Assembly Sept. 8, 2017.')

      // leginfo's wording reads like ours in the citation.
      await page.locator(EDITOR).click()
      await page.getByRole('button', { name: 'Cite California Values Act (Amended Senate) at the cursor' }).click()
      await expect.poll(() => page.locator('.statement .citation').allInnerTexts()).toEqual(['SB 54 (am. Senate, Mar. 13, 2017)newer version'])
    })
  }
})
