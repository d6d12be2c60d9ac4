import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { EDITOR, chromiumAvailable, openBrowser, signInBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** The document's owner (the test server's default user, whom a new browser is signed in as) on its page. */
async function openAsOwner(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  await page.locator(EDITOR).waitFor()
  return page
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.textContent ?? null)

describe.runIf(chromiumAvailable())('the Share dialog', () => {
  it('an owner adds someone by email, changes their role, is told the last owner stays, and removes them', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Clean air now')
    const vera = await server.signUp('Vera Second')
    const url = `${server.url}/d/${docId}`
    const owner = await openAsOwner(await openBrowser(), url)
    const errors = watchErrors(owner)

    const shareButton = owner.getByRole('button', { name: 'Share', exact: true })
    await shareButton.click()
    const dialog = owner.getByRole('dialog', { name: 'Share “Clean air now”' })
    await dialog.getByRole('list', { name: 'Members' }).getByText('Test Writer').waitFor()
    // Focus moves into the dialog, to the field most visits need.
    expect(await focusedId(owner)).toBe('share-email')
    expect(await axeViolations(owner, '.share-dialog'), 'Share dialog').toEqual([])

    // An address without an account: the server's sentence, in words.
    await dialog.getByLabel('Add someone by email').fill('nobody@example.org')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    expect(await dialog.getByRole('alert').innerText()).toContain('No account uses nobody@example.org')

    await dialog.getByLabel('Add someone by email').fill(vera.email)
    await dialog.getByLabel('Role', { exact: true }).selectOption('viewer')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    const veraRole = dialog.getByLabel('Role of Vera Second')
    await veraRole.waitFor()
    expect(await veraRole.inputValue()).toBe('viewer')
    expect(await dialog.getByRole('alert').count()).toBe(0)

    // Vera sees the statement in her list, as a viewer, and opens it read-only; she has no Share button.
    const veraContext = await openBrowser()
    await signInBrowser(veraContext, server.url, vera)
    const veraPage = veraContext.pages()[0] ?? (await veraContext.newPage())
    await veraPage.goto(server.url)
    const row = veraPage.locator('.doc-row', { hasText: 'Clean air now' })
    expect(await row.locator('.doc-meta').innerText()).toContain('Viewer')
    expect(await row.getByRole('button', { name: /^Rename/ }).count()).toBe(0)
    await row.getByRole('link', { name: 'Clean air now' }).click()
    await veraPage.getByText('View only', { exact: true }).waitFor()
    expect(await veraPage.getByRole('button', { name: 'Share', exact: true }).count()).toBe(0)

    // Promoted from the dialog: her page becomes editable where it is.
    await veraRole.selectOption('editor')
    await expect.poll(() => veraPage.locator(EDITOR).getAttribute('contenteditable')).toBe('true')
    expect(await veraRole.inputValue()).toBe('editor')
    // Made an owner, she may share at once: the Share button appears where she is, without a reload.
    await veraRole.selectOption('owner')
    await veraPage.getByRole('button', { name: 'Share', exact: true }).waitFor()
    await veraRole.selectOption('editor')
    await veraPage.getByRole('button', { name: 'Share', exact: true }).waitFor({ state: 'detached' })

    // The only owner cannot make themselves an editor: the refusal is shown and the select goes back.
    await dialog.getByLabel('Role of Test Writer').selectOption('editor')
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('A document keeps at least one owner')
    await expect.poll(() => dialog.getByLabel('Role of Test Writer').inputValue()).toBe('owner')
    expect(await axeViolations(owner, '.share-dialog'), 'Share dialog with an error').toEqual([])

    await dialog.getByRole('button', { name: 'Remove Vera Second' }).click()
    await veraPage.getByRole('heading', { name: 'You don’t have access to this document' }).waitFor()
    await expect.poll(() => dialog.getByLabel('Role of Vera Second').count()).toBe(0)

    // Escape closes it, and focus is back on the Share button.
    await owner.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => shareButton.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(errors).toEqual([])
  }, 180_000)

  it('an owner who hands ownership over is asked first, and then no longer sees Share', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Handover')
    const olga = await server.signUp('Olga Owner')
    const owner = await openAsOwner(await openBrowser(), `${server.url}/d/${docId}`)
    await owner.getByRole('button', { name: 'Share', exact: true }).click()
    const dialog = owner.getByRole('dialog', { name: 'Share “Handover”' })
    await dialog.getByLabel('Add someone by email').fill(olga.email)
    await dialog.getByLabel('Role', { exact: true }).selectOption('owner')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await dialog.getByLabel('Role of Olga Owner').waitFor()

    // Declined: nothing changes.
    owner.once('dialog', (question) => void question.dismiss())
    await dialog.getByLabel('Role of Test Writer').selectOption('editor')
    await expect.poll(() => dialog.getByLabel('Role of Test Writer').inputValue()).toBe('owner')
    // Accepted: Test Writer is an editor, the dialog and the Share button go, the editor stays writable.
    const asked: string[] = []
    owner.once('dialog', (question) => (asked.push(question.message()), void question.accept()))
    await dialog.getByLabel('Role of Test Writer').selectOption('editor')
    await dialog.waitFor({ state: 'detached' })
    expect(asked[0]).toContain('You will no longer be able to share this statement.')
    await expect.poll(() => owner.getByRole('button', { name: 'Share', exact: true }).count()).toBe(0)
    expect(await owner.locator(EDITOR).getAttribute('contenteditable')).toBe('true')
  }, 120_000)

  it('a share link: a signed-out person signs in on /join, joins with the link’s role; once revoked, the page says so', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Parks for all')
    const lin = await server.signUp('Lin Linked')
    const ownerContext = await openBrowser()
    await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const owner = await openAsOwner(ownerContext, `${server.url}/d/${docId}`)

    await owner.getByRole('button', { name: 'Share', exact: true }).click()
    const dialog = owner.getByRole('dialog', { name: 'Share “Parks for all”' })
    await dialog.getByText('No share links.').waitFor()
    await dialog.getByLabel('New link grants').selectOption('viewer')
    await dialog.getByRole('button', { name: 'Create link' }).click()
    const shown = dialog.getByLabel('New view link')
    await shown.waitFor()
    const linkUrl = await shown.inputValue()
    expect(linkUrl).toMatch(new RegExp(`^${server.url}/join/lnk_`))
    expect(await dialog.getByText('it will not be shown again').count()).toBe(1)
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click()
    await dialog.getByText('Copied to the clipboard.').waitFor()
    expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(linkUrl)
    await dialog.getByRole('list', { name: 'Share links' }).getByText('View link').waitFor()
    expect(await axeViolations(owner, '.share-dialog'), 'Share dialog with a new link').toEqual([])

    // Lin opens the link in a browser signed in as nobody.
    const linContext = await openBrowser({ width: 390, height: 844 })
    await linContext.clearCookies()
    const page = linContext.pages()[0] ?? (await linContext.newPage())
    const errors = watchErrors(page)
    await page.goto(linkUrl)
    await page.getByText('A statement was shared with you.').waitFor()
    expect(await axeViolations(page), 'sign-in form for a share link').toEqual([])
    await page.getByLabel('Email').fill(lin.email)
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Join “Parks for all”' }).waitFor()
    expect(await page.getByText('This link lets you read it (viewer).').count()).toBe(1)
    expect(await axeViolations(page), 'join page').toEqual([])
    await page.getByRole('button', { name: 'Join and open the statement' }).click()
    await page.locator(EDITOR).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/d/${docId}`)
    await page.getByText('View only', { exact: true }).waitFor()

    // The owner, opening Share again, sees who joined through a link; revoking it takes the statement from Lin,
    // and the link stops working.
    await dialog.getByRole('button', { name: 'Close' }).click()
    await owner.getByRole('button', { name: 'Share', exact: true }).click()
    await dialog.getByText('Joined through a share link').waitFor()
    expect(await dialog.getByLabel('Role of Lin Linked').inputValue()).toBe('viewer')
    await dialog.getByRole('button', { name: /^Revoke the view link/ }).click()
    await dialog.getByText('No share links.').waitFor()
    await page.getByRole('heading', { name: 'You don’t have access to this document' }).waitFor()
    await page.goto(linkUrl)
    await page.getByRole('heading', { name: 'This share link no longer works' }).waitFor()
    expect(await axeViolations(page), 'join page for a revoked link').toEqual([])
    expect(errors).toEqual([])
  }, 180_000)
})
