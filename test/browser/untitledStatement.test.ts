import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'
import { apiFetch } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

const titleOf = async (url: string, docId: string): Promise<string> => (await (await apiFetch(`${url}/api/docs/${docId}`)).json()).document.title

describe.runIf(chromiumAvailable())('a statement’s title', () => {
  it('starts empty with an "Untitled statement" placeholder, so typing gives exactly what was typed', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Ivo')
    const title = page.getByLabel('Document title')

    await expect.poll(() => title.isEnabled()).toBe(true)
    expect(await title.inputValue()).toBe('')
    expect(await title.getAttribute('placeholder')).toBe('Untitled statement')
    expect(await page.title()).toBe('Untitled statement · Caucus')

    await title.click()
    await page.keyboard.type('Statement by the tenants')
    await page.keyboard.press('Enter')
    await expect.poll(() => titleOf(server.url, docId)).toBe('Statement by the tenants')

    // Clearing it makes the statement untitled again.
    await title.fill('')
    await title.press('Enter')
    await expect.poll(() => titleOf(server.url, docId)).toBe('')
    await expect.poll(() => page.title()).toBe('Untitled statement · Caucus')

    // The documents list shows it as untitled, set apart from real titles.
    await page.getByRole('link', { name: 'All documents' }).click()
    const link = page.getByRole('link', { name: 'Untitled statement' })
    await link.waitFor()
    expect(await link.getAttribute('class')).toContain('untitled')
  })

  it('says so when a title is over 200 characters, and does not save it cut short', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Short')
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Ivo')
    const title = page.getByLabel('Document title')
    await expect.poll(() => title.isEnabled()).toBe(true)

    const tooLong = 'A'.repeat(180) + ' and twenty more letters'
    await title.fill(tooLong)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toBe('A title can be at most 200 characters: shorten it to save it.')
    expect(await title.inputValue()).toBe(tooLong)
    expect(await title.getAttribute('aria-invalid')).toBe('true')
    expect(await title.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'))
    await title.press('Enter')
    await title.blur()
    expect(await titleOf(server.url, docId)).toBe('Short')

    // Shortened, it saves and the message goes.
    await title.fill('A'.repeat(200))
    await title.press('Enter')
    await expect.poll(() => titleOf(server.url, docId)).toBe('A'.repeat(200))
    expect(await alert.count()).toBe(0)
  })

  it('ends a long title in the header with an ellipsis, not in the middle of a letter', async () => {
    const server = await startTestServer({ clientDir })
    const longTitle = 'A rather long statement title that goes on about due process for every resident of the county and beyond it'
    const docId = await createDoc(server.url, longTitle)
    const page = await openAs(await openBrowser({ width: 800, height: 700 }), `${server.url}/d/${docId}`, 'Ivo')
    const title = page.getByLabel('Document title')
    await expect.poll(() => title.inputValue()).toBe(longTitle)
    const shown = await title.evaluate((input: HTMLInputElement) => ({
      overflows: input.scrollWidth > input.clientWidth,
      textOverflow: getComputedStyle(input).textOverflow,
    }))
    expect(shown).toEqual({ overflows: true, textOverflow: 'ellipsis' })
  })
})
