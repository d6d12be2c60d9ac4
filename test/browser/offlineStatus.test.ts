import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the save status when the network goes', () => {
  it('says "Offline — your edits are kept on this device", not "Unsaved changes", and "saved" once back', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const browser = await openBrowser()
    const page = await openAs(browser, `${server.url}/d/${docId}`, 'Kit')
    const status = page.getByRole('status').filter({ has: page.locator('.save-dot') })
    await page.locator(EDITOR).click()
    await page.keyboard.type('Online. ')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('All changes saved')

    await browser.setOffline(true)
    await expect.poll(() => status.innerText()).toBe('Offline — your edits are kept on this device')
    await page.keyboard.type('Offline.')
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    await expect.poll(() => statementText(page)).toBe('Online. Offline.')
    expect(await status.innerText()).toBe('Offline — your edits are kept on this device')

    await browser.setOffline(false)
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('All changes saved')
  })
})
