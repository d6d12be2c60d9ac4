import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/testServer.js'
import { chromiumAvailable, openBrowser, signInBrowser, watchErrors } from './chromium.js'
import { apiFetch } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the documents page', () => {
  it('creates, renames, trashes, restores and deletes a statement forever', async () => {
    const server = await startTestServer({ clientDir })
    const browser = await openBrowser()
    await signInBrowser(browser, server.url)
    const page = browser.pages()[0] ?? (await browser.newPage())
    const errors = watchErrors(page)
    page.on('dialog', (dialog) => void dialog.accept())

    await page.goto(server.url)
    await page.getByText('No statements yet').waitFor()
    await page.getByRole('button', { name: 'New statement' }).click()
    await page.waitForURL(/\/d\/[A-Za-z0-9_-]+$/)
    const docId = page.url().split('/d/')[1]!

    // Rename from the editor's title field.
    await page.getByLabel('Document title').fill('On due process')
    await page.getByLabel('Document title').press('Enter')
    await expect.poll(async () => (await (await apiFetch(`${server.url}/api/docs/${docId}`)).json()).document.title).toBe('On due process')

    // Back on the list: rename inline.
    await page.getByRole('link', { name: 'All documents' }).click()
    await page.getByRole('button', { name: 'Rename On due process' }).click()
    await page.getByLabel('New title for On due process').fill('Due process for all')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('link', { name: 'Due process for all' }).waitFor()

    // Delete moves it to the trash, where it can be restored.
    await page.getByRole('button', { name: 'Delete Due process for all (moves it to the trash)' }).click()
    await page.getByText('No statements yet').waitFor()
    await page.getByRole('link', { name: 'Trash' }).click()
    await page.getByRole('button', { name: 'Restore Due process for all' }).click()
    await page.getByText('The trash is empty.').waitFor()
    await page.getByRole('link', { name: '← All statements' }).click()
    await page.getByRole('link', { name: 'Due process for all' }).waitFor()

    // Delete forever only from the trash, after a confirmation.
    await page.getByRole('button', { name: 'Delete Due process for all (moves it to the trash)' }).click()
    await page.getByRole('link', { name: 'Trash' }).click()
    await page.getByRole('button', { name: 'Delete forever: Due process for all' }).click()
    await page.getByText('The trash is empty.').waitFor()
    expect((await apiFetch(`${server.url}/api/docs/${docId}`)).status).toBe(404)
    expect(errors).toEqual([])
  })

  it('tells the person when a document is in the trash instead of showing an empty editor', async () => {
    const server = await startTestServer({ clientDir })
    const created = await (await apiFetch(`${server.url}/api/docs`, { method: 'POST', body: '{"title":"Old draft"}', headers: { 'content-type': 'application/json' } })).json()
    await apiFetch(`${server.url}/api/docs/${created.document.id}`, { method: 'DELETE' })
    const browser = await openBrowser()
    await signInBrowser(browser, server.url)
    const page = browser.pages()[0] ?? (await browser.newPage())
    await page.goto(`${server.url}/d/${created.document.id}`)
    await page.getByText('This document is in the trash').waitFor({ timeout: 10_000 })
  })
})
