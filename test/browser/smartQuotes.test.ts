import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('typographic quotes in the editor', () => {
  it('curls typed and pasted quotes, gives the straight one back on Ctrl+Z, and leaves code alone', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Quinn')
    const errors = watchErrors(page)
    const paragraphs = () => page.locator(`${EDITOR} > p`).allTextContents()
    await page.locator(EDITOR).click()

    await page.keyboard.type(`The "Good" ones don't`)
    await expect.poll(paragraphs).toEqual(['The “Good” ones don’t'])
    // After a line break a quote opens.
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type(`"`)
    await expect.poll(() => page.locator(`${EDITOR} > p`).innerText()).toBe('The “Good” ones don’t\n“')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await expect.poll(paragraphs).toEqual(['The “Good” ones don’t'])

    // Ctrl+Z right after the replacement undoes only the replacement.
    await page.keyboard.type(` "`)
    await expect.poll(paragraphs).toEqual(['The “Good” ones don’t “'])
    await page.keyboard.press('Control+z')
    await expect.poll(paragraphs).toEqual(['The “Good” ones don’t "'])
    // So does Backspace.
    await page.keyboard.type(`x'`)
    await expect.poll(paragraphs).toEqual(['The “Good” ones don’t "x’'])
    await page.keyboard.press('Backspace')
    await expect.poll(paragraphs).toEqual([`The “Good” ones don’t "x'`])

    // Inline code (Ctrl+E) keeps straight quotes, and so does a URL being typed.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+e')
    await page.keyboard.type(`it's "code"`)
    await page.keyboard.press('Control+e')
    await page.keyboard.type(` https://example.com/it's`)
    await expect.poll(paragraphs).toEqual([`The “Good” ones don’t "x'`, `it's "code" https://example.com/it's`])
    expect(await page.locator(`${EDITOR} code`).allTextContents()).toEqual([`it's "code"`])

    // Pasted text is set the same way.
    await page.keyboard.press('Enter')
    await page.evaluate((editor) => {
      const data = new DataTransfer()
      data.setData('text/plain', `O'Brien said "yes"`)
      document.querySelector(editor)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, EDITOR)
    await expect.poll(async () => (await paragraphs())[2]).toBe('O’Brien said “yes”')
    expect(errors).toEqual([])
  })
})
