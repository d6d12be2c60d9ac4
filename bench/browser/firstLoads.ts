import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { waitForQuietMachine } from '../proc.js'
import { median } from '../stats.js'
import { initScript } from './pageProbe.js'
import { END_SENTINEL, STATEMENT_CITATIONS } from './statement.js'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export interface LoadTimes {
  /** Navigation start → the statement fully shown (any form), and → fully shown in the editor (ms). */
  shown: number
  editable: number
  /** Where the time went: the page's first byte, its last byte, first contentful paint (ms). */
  firstByte: number
  lastByte: number
  firstPaint: number
}

/** Who the reader is signed in as: the bench account's session cookie (`name=value`) for the server at `url`. */
export interface ReaderSession {
  cookie: string
  url: string
}

/** Chromium with a fresh profile (nothing cached, nothing in IndexedDB), signed in, its page set up for the probes. */
export async function openReader(profileDir: string, session: ReaderSession): Promise<{ browser: BrowserContext; page: Page }> {
  // The probes are the bench's own scripts, evaluated from strings: the page's CSP (no eval) is bypassed for them,
  // which changes nothing the page itself may run.
  const browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 }, bypassCSP: true })
  const separator = session.cookie.indexOf('=')
  await browser.addCookies([{ name: session.cookie.slice(0, separator), value: session.cookie.slice(separator + 1), url: session.url, httpOnly: true, sameSite: 'Lax' }])
  const page = browser.pages()[0] ?? (await browser.newPage())
  await page.addInitScript(initScript(STATEMENT_CITATIONS, END_SENTINEL))
  return { browser, page }
}

/** Waits for the page's probe to see the statement shown and editable, and reads the navigation's timings. */
export async function waitForLoad(page: Page, timeoutMs: number): Promise<LoadTimes> {
  await page.waitForFunction('window.__bench && window.__bench.loadedAt !== null && window.__bench.editableAt !== null', undefined, { timeout: timeoutMs, polling: 50 })
  return (await page.evaluate(`(() => {
    const navigation = performance.getEntriesByType('navigation')[0]
    const paint = performance.getEntriesByName('first-contentful-paint')[0]
    return { shown: window.__bench.loadedAt, editable: window.__bench.editableAt, firstByte: navigation.responseStart, lastByte: navigation.responseEnd, firstPaint: paint ? paint.startTime : -1 }
  })()`)) as LoadTimes
}

/**
 * `count` first loads of the statement, each in a Chromium with a fresh profile, each started once the
 * machine is quiet (Chromium has finished starting; nothing else is measured meanwhile) and run inside
 * `around` (which has others type meanwhile). One load is a single sample of a noisy figure; the medians of
 * several are reported, with the slowest and fastest.
 */
export async function measureFirstLoads(url: string, count: number, tmpRoot: string, session: ReaderSession, around: (load: () => Promise<void>) => Promise<void>): Promise<Record<string, number>> {
  const loads: LoadTimes[] = []
  const waits: number[] = []
  for (let i = 0; i < count; i++) {
    const profileDir = mkdtempSync(join(tmpRoot, 'chromium-first-load-'))
    const { browser, page } = await openReader(profileDir, session)
    try {
      waits.push((await waitForQuietMachine(15_000, 30)).waitedMs)
      await around(async () => {
        await page.goto(url)
        loads.push(await waitForLoad(page, 60_000))
      })
    } finally {
      await browser.close().catch(() => undefined)
      rmSync(profileDir, { recursive: true, force: true })
    }
  }
  const of = (pick: (load: LoadTimes) => number) => median(loads.map(pick))
  const shown = loads.map((load) => load.shown)
  return {
    firstLoadMs: of((load) => load.shown),
    firstLoadMinMs: Math.min(...shown),
    firstLoadMaxMs: Math.max(...shown),
    firstLoadCount: loads.length,
    firstEditableMs: of((load) => load.editable),
    firstLoadFirstByteMs: of((load) => load.firstByte),
    firstLoadLastByteMs: of((load) => load.lastByte),
    firstLoadPaintMs: of((load) => load.firstPaint),
    firstLoadQuietWaitMs: median(waits),
  }
}
