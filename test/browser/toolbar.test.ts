import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the formatting toolbar', () => {
  it('formats text from buttons and the keyboard, and refuses unsafe links with a message', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Fay')
    const statement = page.locator(EDITOR)

    await statement.click()
    await page.getByLabel('Text style').selectOption('h2')
    await page.keyboard.type('Our demands')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Bold' }).click()
    await page.keyboard.type('Loud')
    await page.keyboard.press('Control+b')
    await page.keyboard.press('Control+i')
    await page.keyboard.type(' quiet')
    await page.keyboard.press('Control+i')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Numbered list' }).click()
    await page.keyboard.type('First')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Second')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Quote' }).click()
    await page.keyboard.type('Quoted')

    expect(await statement.locator('h2').innerText()).toBe('Our demands')
    expect(await statement.locator('strong').innerText()).toBe('Loud')
    expect(await statement.locator('em').innerText()).toBe(' quiet')
    expect(await statement.locator('ol > li').allInnerTexts()).toEqual(['First', 'Second'])
    expect(await statement.locator('blockquote').innerText()).toBe('Quoted')
    expect(await page.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('false')

    // Select "Quoted" and try a javascript: link: refused, with words; then a real one.
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+k')
    await page.getByLabel('Link address').fill('javascript:alert(1)')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByText('Other kinds of links are not allowed').waitFor()
    expect(await statement.locator('a').count()).toBe(0)
    await page.getByLabel('Link address').fill('example.org/report')
    await page.getByRole('button', { name: 'Apply' }).click()
    expect(await statement.locator('a').getAttribute('href')).toBe('https://example.org/report')

    // The toolbar is one tab stop; arrow keys move inside it.
    await page.getByLabel('Text style').focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bold')
  })
})
