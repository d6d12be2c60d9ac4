import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD, apiFetch } from '../helpers/testAuth.js'
import { startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { chromiumAvailable, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('the account pages', () => {
  it('access tokens: created with a name and shown once, listed, usable as a Bearer token, revoked', async () => {
    const server = await startTestServer({ clientDir })
    const page = (await openBrowser()).pages()[0]!
    const errors = watchErrors(page)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Account: Test Writer' }).click()
    expect(await page.getByRole('button', { name: 'Account: Test Writer' }).getAttribute('aria-expanded')).toBe('true')
    expect(await axeViolations(page), 'account menu open').toEqual([])
    await page.getByRole('link', { name: 'Access tokens' }).click()
    await page.getByRole('heading', { name: 'Access tokens', level: 1 }).waitFor()
    await page.getByText('You have no access tokens.').waitFor()
    expect(await axeViolations(page), 'tokens page').toEqual([])

    await page.getByRole('button', { name: 'Create token' }).click()
    await page.getByText('Give the token a name').waitFor()
    await page.getByLabel('Token name').fill('Nightly export')
    await page.getByRole('button', { name: 'Create token' }).click()
    const shown = page.getByLabel('Token “Nightly export”')
    await shown.waitFor()
    const token = await shown.inputValue()
    expect(token).toMatch(/^cau_/)
    expect(await page.locator('.copy-once-note').innerText()).toContain('it will not be shown again')
    expect(await axeViolations(page), 'tokens page with a new token').toEqual([])

    // The token is the person's rights, for a script.
    const me = await apiFetch(`${server.url}/api/me`, { auth: null, headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { email: string }; via: string }).via).toBe('token')

    // Listed, and its use recorded; after a reload the secret is gone for good.
    await page.reload()
    const row = page.getByRole('list', { name: 'Your access tokens' }).getByRole('listitem')
    await expect.poll(() => row.innerText()).toContain('Nightly export')
    expect(await row.innerText()).toContain('last used')
    expect(await page.content()).not.toContain(token)

    await page.getByRole('button', { name: 'Revoke the token Nightly export' }).click()
    await page.getByText('You have no access tokens.').waitFor()
    const after = await apiFetch(`${server.url}/api/me`, { auth: null, headers: { authorization: `Bearer ${token}` } })
    expect(after.status).toBe(401)
    expect(errors).toEqual([])
  }, 120_000)

  it('invitations: with sign-up closed, an admin’s invitation link lets a newcomer create an account', async () => {
    // The default user is the first account: the admin.
    const server = await startTestServer({ clientDir, security: { signup: 'invite' } })
    const page = (await openBrowser()).pages()[0]!
    const errors = watchErrors(page)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Account: Test Writer' }).click()
    await page.getByRole('link', { name: 'Invitations' }).click()
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor()
    await page.getByText('No invitations yet.').waitFor()
    expect(await axeViolations(page), 'invitations page').toEqual([])
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    const shown = page.getByLabel('Invitation link', { exact: true })
    await shown.waitFor()
    const invitationUrl = await shown.inputValue()
    expect(invitationUrl).toMatch(new RegExp(`^${server.url}/signup\\?invitation=inv_`))
    await page.getByRole('list', { name: 'Invitations' }).getByText('Anyone with the link').waitFor()
    expect(await axeViolations(page), 'invitations page with a new link').toEqual([])

    // Without the link, a newcomer cannot sign up; with it, they can.
    const newcomer = await openBrowser({ width: 390, height: 844 })
    await newcomer.clearCookies()
    const visitor = newcomer.pages()[0]!
    await visitor.goto(server.url)
    await visitor.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(await visitor.getByRole('button', { name: 'Create an account' }).count()).toBe(0)
    await visitor.goto(invitationUrl)
    await visitor.getByRole('heading', { name: 'Create your account' }).waitFor()
    await visitor.getByLabel('Name').fill('Nia Newcomer')
    await visitor.getByLabel('Email').fill('nia@example.org')
    await visitor.getByLabel('Password').fill(TEST_PASSWORD)
    await visitor.getByRole('button', { name: 'Create account' }).click()
    await visitor.getByText('No statements yet').waitFor()

    // Used up: the admin sees it, and Nia (not an admin) has no Invitations in her menu.
    await page.reload()
    await expect.poll(() => page.getByRole('list', { name: 'Invitations' }).innerText()).toContain('used')
    expect(await page.getByRole('button', { name: /^Revoke the invitation/ }).count()).toBe(0)
    await visitor.getByRole('button', { name: 'Account: Nia Newcomer' }).click()
    await visitor.getByRole('link', { name: 'Access tokens' }).waitFor()
    expect(await visitor.getByRole('link', { name: 'Invitations' }).count()).toBe(0)

    // A second invitation, revoked before use, no longer lets anyone in.
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    await shown.waitFor()
    const revokedUrl = await shown.inputValue()
    await page.getByRole('button', { name: /^Revoke the invitation for anyone with the link/ }).click()
    await expect.poll(() => shown.count()).toBe(0)
    const late = await openBrowser()
    await late.clearCookies()
    const latePage = late.pages()[0]!
    await latePage.goto(revokedUrl)
    await latePage.getByLabel('Name').fill('Late Larry')
    await latePage.getByLabel('Email').fill('larry@example.org')
    await latePage.getByLabel('Password').fill(TEST_PASSWORD)
    await latePage.getByRole('button', { name: 'Create account' }).click()
    expect(await latePage.getByRole('alert').innerText()).toContain('This invitation is not valid')
    expect(errors).toEqual([])
  }, 180_000)
})
