import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { tempDir } from '../helpers/tempDir.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

const validItems = [
  { id: 'zotero-1', type: 'article-newspaper', title: 'Sheriffs push back', author: [{ family: 'Nguyen', given: 'Tam' }], 'container-title': 'Valley Courier', issued: { 'date-parts': [[2017, 3, 30]] }, URL: 'https://courier.example.org/sheriffs' },
  { id: 'zotero-2', type: 'bill', title: 'Due Process for All Act', number: 'SB 6', authority: 'California State Senate', jurisdiction: 'California', issued: { 'date-parts': [[2016, 12, 5]] }, URL: 'https://leginfo.example.org/sb6', custom: { caucusKind: 'billVersion', session: '2017–2018', versionLabel: 'Introduced' } },
]

describe.runIf(chromiumAvailable())('the sources sidebar', () => {
  it('refuses a CSL-JSON file with one invalid item, imports a valid one, searches, filters, and asks before deleting a cited source', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Max')
    const dir = tempDir()
    const bad = join(dir, 'bad.json')
    const good = join(dir, 'good.json')
    writeFileSync(bad, JSON.stringify([validItems[0], { ...validItems[1], URL: 'javascript:alert(1)' }]))
    writeFileSync(good, JSON.stringify(validItems))

    await page.locator('#csl-import').setInputFiles(bad)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/Item 2 \(zotero-2\):.*URL/)
    expect(await page.locator('.source-item').count()).toBe(0)

    await page.locator('#csl-import').setInputFiles(good)
    await page.getByText('Imported 2 sources from good.json.').waitFor()
    expect(await page.locator('.source-item').count()).toBe(2)

    await page.getByLabel('Search sources').fill('sb6')
    await expect.poll(() => page.locator('.source-title').allInnerTexts()).toEqual(['Due Process for All Act'])
    await page.getByLabel('Search sources').fill('courier')
    await expect.poll(() => page.locator('.source-title').allInnerTexts()).toEqual(['Sheriffs push back'])
    await page.getByLabel('Search sources').fill('')
    await page.getByLabel('Show').selectOption('bills')
    await expect.poll(() => page.locator('.source-title').allInnerTexts()).toEqual(['Due Process for All Act'])
    await page.getByLabel('Show').selectOption('all')

    // Cite the article, then try to delete it: the sidebar asks first; declining keeps it.
    await page.locator(EDITOR).click()
    await page.getByRole('button', { name: 'Cite Sheriffs push back at the cursor' }).click()
    await expect.poll(() => page.locator('.source-item[data-source-id="zotero-1"] .source-uses').innerText()).toContain('Cited once — jump to it')
    const questions: string[] = []
    page.once('dialog', (dialog) => {
      questions.push(dialog.message())
      void dialog.dismiss()
    })
    await page.getByRole('button', { name: 'Delete Sheriffs push back' }).click()
    await expect.poll(() => questions).toHaveLength(1)
    expect(questions[0]).toContain('cited 1 time')
    expect(await page.locator('.source-item').count()).toBe(2)

    // The uncited bill is marked as unused.
    expect(await page.locator('.source-item[data-source-id="zotero-2"]').innerText()).toContain('Not cited yet')
  })
})
