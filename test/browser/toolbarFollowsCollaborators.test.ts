import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the formatting toolbar', () => {
  it('follows the caret as the person types, and a collaborator’s formatting where the caret is', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Ines')
    const bold = page.getByRole('button', { name: 'Bold' })
    const undo = page.getByRole('button', { name: 'Undo' })

    await page.locator(EDITOR).click()
    await expect.poll(() => undo.isDisabled()).toBe(true)
    await page.keyboard.type('We ask the council')
    await expect.poll(() => undo.isDisabled()).toBe(false)
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' now')
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Home')
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('false')

    // A collaborator bolds the whole sentence: the caret (at its start) is now in bold text.
    const colleague = connectClient(server.wsUrl, docId)
    await waitForSync(colleague.provider)
    const fragment = colleague.doc.getXmlFragment(YLayout.richTextFragment)
    await expect.poll(() => fragment.toString()).toContain('We ask the council')
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.format(0, text.length, { bold: {} })
    await expect.poll(() => page.locator(`${EDITOR} strong`).innerText()).toBe('We ask the council now')
    await expect.poll(() => bold.getAttribute('aria-pressed'), { timeout: 2_000 }).toBe('true')
  })
})
