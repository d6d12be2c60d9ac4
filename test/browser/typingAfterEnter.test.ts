import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const LINES = 15

describe.runIf(chromiumAvailable())('typing right after Enter', () => {
  it('keeps every letter of a new paragraph in the order typed', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Tove')
    const errors = watchErrors(page)
    await page.locator(EDITOR).click()
    await page.keyboard.type('Line 0')
    // A fast typist: the first letter of each paragraph follows Enter at once, before the browser has drawn a
    // frame with the new paragraph in it.
    for (let i = 1; i < LINES; i++) {
      await page.keyboard.press('Enter')
      await page.keyboard.type(`Line ${i}`)
    }
    const expected = Array.from({ length: LINES }, (_, i) => `Line ${i}`)
    await expect.poll(() => page.locator(`${EDITOR} > p`).allTextContents()).toEqual(expected)
    expect(errors).toEqual([])
  })
})
