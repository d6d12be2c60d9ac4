import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openBrowser, statementText, watchErrors } from './chromium.js'
import { apiFetch } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** What has the keyboard focus: the title field, the statement, or something else (named by its tag). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement
    if (active?.id === 'doc-title') return 'title'
    if (active?.matches('.statement.ProseMirror')) return 'statement'
    return active?.tagName ?? 'nothing'
  })

describe.runIf(chromiumAvailable())('where the caret goes when a person starts', () => {
  it('a new statement starts at its title, with or without the name prompt; Enter in the title goes on to the text', async () => {
    const server = await startTestServer({ clientDir })
    const page = (await openBrowser()).pages()[0]!
    const errors = watchErrors(page)

    // First visit: "New statement", then the name prompt.
    await page.goto(server.url)
    await page.getByRole('button', { name: 'New statement' }).click()
    await page.getByLabel('Display name').fill('Gil')
    await page.getByRole('button', { name: 'Start writing' }).click()
    await expect.poll(() => focused(page)).toBe('title')

    // Typing goes into the (empty) title; Enter saves it and puts the caret in the text.
    await page.keyboard.type('Open letter on parks')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('statement')
    await page.keyboard.type('We ask the council.')
    await expect.poll(() => statementText(page)).toBe('We ask the council.')
    const docId = page.url().split('/d/')[1]!
    expect((await (await apiFetch(`${server.url}/api/docs/${docId}`)).json()).document.title).toBe('Open letter on parks')

    // A person who already gave a name: "New statement" lands in the title at once.
    await page.getByRole('link', { name: 'All documents' }).click()
    await page.getByRole('button', { name: 'New statement' }).click()
    await page.waitForURL((url) => !url.pathname.endsWith(docId) && url.pathname.startsWith('/d/'))
    await expect.poll(() => focused(page)).toBe('title')
    expect(errors).toEqual([])
  })

  it('after the name prompt on an existing statement, the caret is in the text, at its start', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createFixtureDocument(server, 'Schools')
    const page = (await openBrowser()).pages()[0]!
    await page.goto(`${server.url}/d/${docId}`)
    await page.getByLabel('Display name').fill('Hana')
    await page.getByRole('button', { name: 'Start writing' }).click()
    await expect.poll(() => focused(page)).toBe('statement')
    await page.locator(EDITOR).waitFor()
    await page.keyboard.type('Now: ')
    await expect.poll(async () => (await statementText(page)).startsWith('Now: Keep schools safe')).toBe(true)
  })
})
