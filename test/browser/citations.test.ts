import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** Fills the "Add source" form field by field, as a person would. */
async function addSource(page: Page, kind: string, fields: Record<string, string>, authors: [string, string][] = []) {
  await page.getByRole('button', { name: 'Add source' }).click()
  const form = page.getByRole('form', { name: 'Add a source' })
  await form.getByLabel('Kind of source').selectOption({ label: kind })
  for (const [index, [given, family]] of authors.entries()) {
    await form.getByLabel(`Author ${index + 1}: first name`).fill(given)
    await form.getByLabel(`Author ${index + 1}: last name`).fill(family)
  }
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: false }).first().fill(value)
  await form.getByRole('button', { name: 'Add source' }).click()
  await form.waitFor({ state: 'detached' })
}

const bill = (version: string, date: string, title: string) => ({
  Jurisdiction: 'California',
  'Legislative body': 'California State Senate',
  Session: '2017–2018',
  'Bill number': 'SB 54',
  Version: version,
  'Version date': date,
  Title: title,
  URL: `https://leginfo.example.org/sb54/${date}`,
})

const citationLabels = (page: Page) => page.locator('.statement .citation').allInnerTexts()

describe.runIf(chromiumAvailable())('citations in Chromium', () => {
  it('adds sources, cites them from the sidebar, shows them to a colleague, and re-pins an outdated bill version', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Statement with sources')
    const url = `${server.url}/d/${docId}`
    const [first, second] = await Promise.all([openBrowser(), openBrowser()])
    const pageA = await openAs(first, url, 'Ines')
    const pageB = await openAs(second, url, 'Jon')
    const errors = [...watchErrors(pageA), ...watchErrors(pageB)]

    await addSource(pageA, 'Bill version', bill('Introduced', '2016-12-05', 'Law enforcement: sharing data'))
    await addSource(pageA, 'Bill version', bill('Amended in Senate', '2017-03-29', 'California Values Act'))
    await addSource(pageA, 'News article', { Title: 'Funds split immigrants', Outlet: 'The Example Ledger', 'Publication date': '2017-04-05', URL: 'https://news.example.org/a' }, [['Lee', 'Woodman']])

    await pageA.locator(EDITOR).click()
    await pageA.keyboard.type('The bill was weakened ')
    await expect.poll(() => pageB.locator(EDITOR).innerText()).toContain('weakened')
    // Meanwhile the colleague writes at the start of the same paragraph.
    await pageB.locator(EDITOR).click()
    await pageB.keyboard.press('Control+Home')
    const colleagueTyping = pageB.keyboard.type('Colleague: ', { delay: 40 })
    await pageA.getByRole('button', { name: 'Cite Law enforcement: sharing data (Introduced) at the cursor' }).click()
    await pageA.keyboard.type(' and then ')
    await pageA.getByRole('button', { name: 'Cite California Values Act (Amended in Senate) at the cursor' }).click()
    await pageA.keyboard.type(' as reported ')
    await pageA.getByRole('button', { name: 'Cite Funds split immigrants with a pinpoint' }).click()
    await pageA.getByLabel('Pinpoint (section, page…)').fill('para. 4')
    await pageA.getByRole('button', { name: 'Insert citation' }).click()
    await colleagueTyping

    const expected = ['SB 54 (introduced Dec. 5, 2016)newer version', 'SB 54 (am. Senate, Mar. 29, 2017)', 'Woodman, The Example Ledger, 2017, para. 4']
    await expect.poll(() => citationLabels(pageA), { timeout: 10_000 }).toEqual(expected)
    await expect.poll(() => citationLabels(pageB), { timeout: 10_000 }).toEqual(expected)
    expect(await pageB.locator('.statement .citation-outdated').count()).toBe(1)
    for (const page of [pageA, pageB]) await expect.poll(() => statementText(page)).toMatch(/^Colleague: The bill was weakened/)

    // The citation display is a document setting: switching to note numbers shows for the colleague too.
    await pageA.getByLabel('Note numbers').check()
    await pageB.locator('.paper.citations-as-notes').waitFor()
    await pageA.getByLabel('Labels').check()
    await pageB.locator('.paper.citations-as-labels').waitFor()

    // Re-pin from the popover in page B; both pages follow.
    await pageB.locator('.statement .citation-outdated').hover()
    await pageB.getByRole('button', { name: 'Re-pin to the latest version' }).click()
    const repinned = ['SB 54 (am. Senate, Mar. 29, 2017)', 'SB 54 (am. Senate, Mar. 29, 2017)', 'Woodman, The Example Ledger, 2017, para. 4']
    for (const page of [pageA, pageB]) {
      await expect.poll(() => citationLabels(page), { timeout: 10_000 }).toEqual(repinned)
    }
    expect(await pageA.locator('.statement .citation-outdated').count()).toBe(0)

    // After a reload every citation still points at the version it should.
    await pageA.reload()
    await pageA.locator('.statement .citation').first().waitFor()
    await expect.poll(() => citationLabels(pageA), { timeout: 10_000 }).toEqual(repinned)
    expect(errors).toEqual([])
  })
})
