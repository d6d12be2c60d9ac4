import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { apiFetch } from '../helpers/testAuth.js'
import { startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openBrowser, signInBrowser, statementText, watchErrors } from './chromium.js'

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
  it('a new statement starts at its title; Enter in the title goes on to the text; an ordinary visit focuses nothing', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createFixtureDocument(server, 'Schools')
    const context = await openBrowser()
    await signInBrowser(context, server.url)
    const page = context.pages()[0]!
    const errors = watchErrors(page)

    await page.goto(server.url)
    await page.getByRole('button', { name: 'New statement' }).click()
    await expect.poll(() => focused(page)).toBe('title')

    // Typing goes into the (empty) title; Enter saves it and puts the caret in the text.
    await page.keyboard.type('Open letter on parks')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('statement')
    await page.keyboard.type('We ask the council.')
    await expect.poll(() => statementText(page)).toBe('We ask the council.')
    const newId = page.url().split('/d/')[1]!
    expect((await (await apiFetch(`${server.url}/api/docs/${newId}`)).json()).document.title).toBe('Open letter on parks')

    // An existing statement opened from its address: nothing takes the focus (a phone would open its keyboard).
    await page.goto(`${server.url}/d/${docId}`)
    await page.locator(EDITOR).waitFor()
    expect(await focused(page)).toBe('BODY')
    expect(errors).toEqual([])
  })
})
