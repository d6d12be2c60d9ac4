import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the statement’s placeholder and counts', () => {
  it('an empty statement shows a placeholder until the first letter', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Jo')
    const hint = () =>
      page.locator(EDITOR).evaluate((statement) => {
        const first = statement.querySelector('p')
        return first ? getComputedStyle(first, '::before').content : 'no paragraph'
      })

    await expect.poll(hint).toBe('"Write the statement here…"')
    await page.locator(EDITOR).click()
    await page.keyboard.type('W')
    await expect.poll(hint).toBe('none')
  })

  it('counts words and characters of the text, not of citation labels, and follows edits', async () => {
    const server = await startTestServer({ clientDir })
    // "Keep schools safe" / "The bill *protects* students [cite] as reported [cite] and again [cite]"
    const docId = await createFixtureDocument(server, 'Schools')
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Jo')
    const counts = page.locator('.statement-counts')

    await expect.poll(() => counts.innerText()).toBe('11 words · 73 characters')
    await page.locator(EDITOR).locator('h2').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' now')
    await expect.poll(() => counts.innerText()).toBe('12 words · 77 characters')
    // Under the text, where a reader of the page meets it after the statement.
    const order = await page.evaluate(() => {
      const statement = document.querySelector('.statement.ProseMirror')!
      const line = document.querySelector('.statement-counts')!
      return statement.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING
    })
    expect(order).toBeTruthy()
  })
})
