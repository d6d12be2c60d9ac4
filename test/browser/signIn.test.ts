import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD, apiFetch, setDefaultCredentials, signUpOrIn } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { axeViolations } from './axe.js'
import { EDITOR, chromiumAvailable, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('signing up, in and out in the browser', () => {
  it('a fresh install asks for the first account; its admin signs out and back in where they were going', async () => {
    const server = await startTestServer({ clientDir, defaultUser: false })
    const page = (await openBrowser()).pages()[0]!
    const errors = watchErrors(page)

    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Create the first account' }).waitFor()
    expect(await axeViolations(page), 'first account form').toEqual([])
    // Checked before anything is sent: every field says what is wrong with it.
    await page.getByRole('button', { name: 'Create the first account' }).click()
    await page.getByText('The password must be at least 10 characters.').waitFor()
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')

    await page.getByLabel('Name').fill('Ada Admin')
    await page.getByLabel('Email').fill('ada@example.org')
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Create the first account' }).click()
    await page.getByText('No statements yet').waitFor()
    expect(await page.locator('.account-name').innerText()).toContain('Ada Admin')
    const me = await (await page.request.get(`${server.url}/api/me`)).json()
    expect(me.user).toMatchObject({ name: 'Ada Admin', email: 'ada@example.org', isAdmin: true })

    // Someone gives Ada the address of a statement while she is signed out.
    const ada = await signUpOrIn(server.url, 'Ada Admin', 'ada@example.org')
    setDefaultCredentials(server.url, ada)
    const docId = await createDoc(server.url, 'Parks for everyone', ada)
    // Sign out is in the account menu, under the person's name.
    await page.getByRole('button', { name: 'Account: Ada Admin' }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect((await page.request.get(`${server.url}/api/me`)).status()).toBe(401)

    await page.goto(`${server.url}/d/${docId}`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await page.getByLabel('Email').fill('ada@example.org')
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(await page.getByRole('alert').innerText()).toBe('The email or password is not right.')
    expect(await axeViolations(page), 'sign-in form with an error').toEqual([])

    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator(EDITOR).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/d/${docId}`)
    expect(await page.getByLabel('Document title').inputValue()).toBe('Parks for everyone')
    expect(await page.locator('.account-name').innerText()).toContain('Ada Admin')
    expect(errors).toEqual([])
  }, 180_000)

  it('where sign-up is open, a newcomer creates an account from the sign-in page; a taken email is explained', async () => {
    const server = await startTestServer({ clientDir })
    const context = await openBrowser()
    // A new browser starts signed in as the test server's default user: this one is a newcomer's.
    await context.clearCookies()
    const page = context.pages()[0]!
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Create an account' }).click()
    await page.getByRole('heading', { name: 'Create your account' }).waitFor()
    expect(await axeViolations(page), 'sign-up form').toEqual([])
    await page.getByLabel('Name').fill('Bo')
    await page.getByLabel('Email').fill(server.auth!.email)
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Create account' }).click()
    expect(await page.getByRole('alert').innerText()).toBe('An account with this email already exists. Sign in instead.')
    await page.getByLabel('Email').fill('bo@example.org')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByText('No statements yet').waitFor()
    const me = await (await apiFetch(`${server.url}/api/me`, { auth: null, headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).json()
    expect(me.user.name).toBe('Bo')
  }, 120_000)
})
