import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { safeFilename } from '../../shared/export/index.js'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'
import { apiFetch } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the export menu', () => {
  it('previews the statement and downloads a file equal to the HTTP export, in both styles', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createFixtureDocument(server, 'Schools: a statement')

    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Noor')
    await expect.poll(() => page.locator('.statement .citation').count()).toBe(3)
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export to markdown' })
    const preview = dialog.getByLabel('Preview of the exported statement')
    await expect.poll(() => preview.locator('h2').first().innerText()).toBe('Keep schools safe')
    expect(await preview.locator('.footnotes li').count()).toBe(3)
    expect(await preview.innerText()).toContain('Further Reading')

    for (const style of ['notes', 'pandoc'] as const) {
      if (style === 'pandoc') await dialog.getByLabel('Pandoc citations with CSL-JSON').check()
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download / }).click()])
      expect(download.suggestedFilename()).toBe(safeFilename('Schools: a statement'))
      const downloaded = readFileSync((await download.path())!, 'utf8')
      const viaHttp = await (await apiFetch(`${server.url}/api/docs/${docId}/export.md?style=${style}`)).text()
      expect(downloaded).toBe(viaHttp)
    }
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
    // Focus goes back to the button that opened it (as for every dialog, client/dialog/useDialogFocus.ts).
    const exportButton = page.getByRole('button', { name: 'Export', exact: true })
    await expect.poll(() => exportButton.evaluate((button) => button === document.activeElement)).toBe(true)
  })
})
