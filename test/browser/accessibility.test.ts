import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { apiFetch } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { EDITOR, chromiumAvailable, openBrowser, signInBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]

describe.runIf(chromiumAvailable())('WCAG 2.1 AA (axe-core) on the pages a person meets first', () => {
  for (const viewport of VIEWPORTS) {
    it(`documents list and trash at ${viewport.width} px`, async () => {
      const server = await startTestServer({ clientDir })
      await createDoc(server.url, 'Keep schools safe')
      await createDoc(server.url)
      const trashed = await createDoc(server.url, 'Old draft')
      await apiFetch(`${server.url}/api/docs/${trashed}`, { method: 'DELETE' })
      const context = await openBrowser(viewport)
      await signInBrowser(context, server.url)
      const page = context.pages()[0]!

      await page.goto(server.url)
      await page.getByRole('link', { name: 'Untitled statement' }).waitFor()
      expect(await axeViolations(page), 'documents page').toEqual([])
      await page.getByRole('link', { name: 'Trash' }).click()
      await page.getByRole('button', { name: 'Restore Old draft' }).waitFor()
      expect(await axeViolations(page), 'trash').toEqual([])
    })

    it(`editor and export dialog at ${viewport.width} px`, async () => {
      const server = await startTestServer({ clientDir })
      const docId = await createFixtureDocument(server, 'Keep schools safe')
      const context = await openBrowser(viewport)
      await signInBrowser(context, server.url)
      const page = context.pages()[0]!

      await page.goto(`${server.url}/d/${docId}`)
      await page.locator(EDITOR).waitFor()
      await page.locator('.source-item').first().waitFor()
      await page.locator('.statement-counts').waitFor()
      expect(await axeViolations(page), 'editor page').toEqual([])

      await page.getByRole('button', { name: 'Export', exact: true }).click()
      await page.locator('.export-preview h2').first().waitFor()
      expect(await axeViolations(page, '.export-dialog'), 'export dialog').toEqual([])
    })
  }

  it('an empty editor page, an export dialog still rendering its preview, and a title over the limit', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const context = await openBrowser()
    await signInBrowser(context, server.url)
    const page = context.pages()[0]!
    await page.goto(`${server.url}/d/${docId}`)
    await page.locator(EDITOR).waitFor()
    await page.locator('.sources-header').waitFor()
    expect(await axeViolations(page), 'empty editor page').toEqual([])

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.locator('.export-preview').waitFor()
    expect(await axeViolations(page, '.export-dialog'), 'export dialog').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByLabel('Document title').fill('x'.repeat(201))
    await page.getByRole('alert').waitFor()
    expect(await axeViolations(page, '.editor-header'), 'title with its message').toEqual([])
  })
})
