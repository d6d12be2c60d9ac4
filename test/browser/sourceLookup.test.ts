import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { html, startPageServer } from '../helpers/pageServer.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { jsonLdNews } from '../server/lookupPages/pages.js'
import { axeViolations } from './axe.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('adding a source from a link', () => {
  it('says in words why a link was refused, opens the form filled from a page for review, and saves only when asked', async () => {
    // The test setting lets the server read the saved page from 127.0.0.1.
    const server = await startTestServer({ clientDir, security: { fetchAllowLoopback: true } })
    const site = await startPageServer({ '/article': html(jsonLdNews), '/report.pdf': html('%PDF-1.7', 'application/pdf') })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Max')
    const field = page.getByLabel('Add from a link')

    // Keyboard only: type the link, press Enter.
    await field.fill(`${site.url}/report.pdf`)
    await field.press('Enter')
    const alert = page.locator('#source-link-error')
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/not a web page.*application\/pdf/)
    expect(await alert.getAttribute('role')).toBe('alert')
    expect(await field.getAttribute('aria-describedby')).toBe('source-link-error')
    expect(await axeViolations(page)).toEqual([])

    await field.fill(`${site.url}/article`)
    await field.press('Enter')
    const form = page.getByRole('form', { name: 'Add a source' })
    await form.waitFor()
    await expect.poll(() => page.locator('#source-link-error').count()).toBe(0)
    // The reader is taken to the form, which says where it was filled from and that nothing is saved yet.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-source-kind')
    expect(await form.innerText()).toContain(`Filled in from ${site.url}/article`)
    expect(await page.locator('#new-source-kind').inputValue()).toBe('newsArticle')
    expect(await page.locator('#new-source-title').inputValue()).toBe('County weighs new trail funding')
    expect(await page.locator('#new-source-outlet').inputValue()).toBe('The Daily Ledger')
    expect(await page.locator('#new-source-date').inputValue()).toBe('2019-04-02')
    expect(await page.locator('#new-source-url').inputValue()).toBe(`${site.url}/article`)
    expect(await page.locator('.source-item').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    // The person corrects a field, then adds it.
    await page.locator('#new-source-section').fill('Metro & County')
    await form.getByRole('button', { name: 'Add source' }).click()
    await expect.poll(() => page.locator('.source-title').allInnerTexts()).toEqual(['County weighs new trail funding'])
    expect(await page.getByRole('form', { name: 'Add a source' }).count()).toBe(0)

    // Add source afterwards opens a blank form, not the old draft.
    await page.locator('.sources-header').getByRole('button', { name: 'Add source' }).click()
    expect(await page.locator('#new-source-title').inputValue()).toBe('')
  })
})
