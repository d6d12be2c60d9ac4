import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { onTestFinished } from 'vitest'
import { SESSION_COOKIE, addMember, defaultCredentials, httpOrigin, latestDefaultCredentials, signUpOrIn, type Credentials } from '../helpers/testAuth.js'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Whether browser tests can run. On a laptop without Chromium they are skipped with one loud line; under
 * CI=true a missing Chromium is a failure, never a silent skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}: install it (apt-get install -y chromium).`)
  console.warn(`\n!!! SKIPPING BROWSER TESTS: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium) !!!\n`)
  return false
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** How the browser is used besides its size. */
export interface BrowserOptions {
  /** A phone's touch screen: `page.tap()` works and touch events fire, as on a phone. */
  touch?: boolean
}

/**
 * A separate Chromium profile (its own storage and IndexedDB): one "person". Closed after the test. It starts
 * signed in as the default user of the test server started last (cookies do not tell ports apart, so one server
 * at a time); `openAs` and `signInBrowser` sign in as someone else.
 */
export async function openBrowser(viewport = { width: 1280, height: 900 }, options: BrowserOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'caucus-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport,
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  })
  onTestFinished(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  const latest = latestDefaultCredentials()
  if (latest) await signInBrowser(context, latest.origin, latest)
  return context
}

/**
 * The editor's statement. The page the server sends shows a read-only copy (also `.statement`) until the
 * editor has synced; tests act on the editor.
 */
export const EDITOR = '.statement.ProseMirror'

/** Collects page errors so a test can assert the page never threw. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** The statement's text as a reader sees it: remote caret labels are removed first. */
export function statementText(page: Page): Promise<string> {
  return page.locator(EDITOR).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.innerText
  })
}

/** Puts a person's session cookie in a browser context (the default test user's unless given). */
export async function signInBrowser(context: BrowserContext, serverUrl: string, credentials?: Credentials): Promise<Credentials> {
  const person = credentials ?? defaultCredentials(serverUrl)
  if (!person) throw new Error(`no default test user for ${serverUrl}`)
  await context.addCookies([{ name: SESSION_COOKIE, value: person.session, url: httpOrigin(serverUrl), httpOnly: true, sameSite: 'Lax' }])
  return person
}

export interface OpenAsOptions {
  /**
   * The role the person gets on the document in `url` (added by the server's default user, its owner), or
   * null to leave their access as it is.
   * @default 'editor'
   */
  role?: 'owner' | 'editor' | 'viewer' | null
}

/**
 * Opens a page as a person: signs them up (or in) through the real API, puts their session cookie in the
 * browser context, makes them a member of the document the URL names, and goes there. Presence shows their
 * account name. Waits for the editor when the URL is a document.
 */
export async function openAs(context: BrowserContext, url: string, name: string, options: OpenAsOptions = {}): Promise<Page> {
  const person = await signUpOrIn(url, name)
  const docId = /\/d\/([^/?#]+)/.exec(new URL(url).pathname)?.[1]
  const role = options.role === undefined ? 'editor' : options.role
  if (docId && role && person.userId !== defaultCredentials(url)?.userId) await addMember(url, decodeURIComponent(docId), person, role)
  await signInBrowser(context, url, person)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  if (docId) await page.locator(EDITOR).waitFor()
  return page
}
