import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCluster } from '../helpers/cluster.js'
import { postgresAvailable } from '../helpers/postgres.js'
import { redisAvailable } from '../helpers/redis.js'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { blockTexts, caretAtEndOf, KEY_DELAY_MS, settle, type Person } from './coEdit.js'
import type { BrowserContext } from 'playwright-core'
import { chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const SEED = 'Hello world.'
const services = chromiumAvailable() && (await postgresAvailable()) && (await redisAvailable())

/** A person in Chromium profile `context`, signed in at `url`'s origin and looking at the document there. */
async function openPerson(context: BrowserContext, url: string, name: string): Promise<Person> {
  const page = context.pages()[0] ?? (await context.newPage())
  const errors = watchErrors(page)
  const logged: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') logged.push(`${message.type()}: ${message.text()}`)
  })
  await openAs(context, url, name)
  return { name, page, errors, console: logged }
}

describe.runIf(services)('two people on two server processes, one paragraph', () => {
  it('each sees the other’s words, caret and name; the texts end identical, each person’s words together, saved on both', { timeout: 90_000 }, async () => {
    // Chromium starts while the server is built and its processes start (a profile's cookies are set in openAs).
    const [cluster, aliceBrowser, bobBrowser] = await Promise.all([startCluster({ processes: 2, clientDir }), openBrowser(), openBrowser()])
    const [first, second] = cluster.processes as [(typeof cluster.processes)[0], (typeof cluster.processes)[0]]
    const { docId, writer } = await seedParagraphs(first, 1, () => SEED)
    writer.destroy()

    // Each page at its own process's address (allowed by CAUCUS_ORIGINS), so each websocket is that process's.
    const people = await Promise.all([openPerson(aliceBrowser, `${first.url}/d/${docId}`, 'Alice'), openPerson(bobBrowser, `${second.url}/d/${docId}`, 'Bob')])
    const [alice, bob] = people as [Person, Person]
    // Read from each process directly: one editor connection each, none through the other process.
    await expect.poll(() => cluster.metric(0, 'caucus_connections'), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => cluster.metric(1, 'caucus_connections'), { timeout: 10_000 }).toBe(1)

    // Presence crosses processes: each page lists the other person and shows their caret, labelled with their name.
    await Promise.all([caretAtEndOf(alice.page, 0), caretAtEndOf(bob.page, 0)])
    for (const [viewer, other] of [[alice, bob], [bob, alice]] as const) {
      await expect.poll(() => viewer.page.locator('.presence-name').allInnerTexts(), { timeout: 10_000 }).toContain(other.name)
      await expect.poll(() => viewer.page.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 10_000 }).toContain(other.name)
    }

    const typedByAlice = ' Alice types here on one process.'
    const typedByBob = ' Bob types there on the other.'
    await Promise.all([alice.page.keyboard.type(typedByAlice, { delay: KEY_DELAY_MS }), bob.page.keyboard.type(typedByBob, { delay: KEY_DELAY_MS })])

    // Both pages settle on exactly what a fresh client gets from each process: the processes agree too.
    const settled = [await settle(first, docId, people), await settle(second, docId, people)]
    for (const result of settled) if (!result.ok) expect.fail(result.divergence)
    const texts = settled.map((result) => (result.ok ? JSON.stringify(blockTexts(result.doc)) : ''))
    expect(texts[1]).toBe(texts[0])
    // Each person's words stay together, in either order.
    expect([[SEED + typedByAlice + typedByBob], [SEED + typedByBob + typedByAlice]].map((t) => JSON.stringify(t))).toContain(texts[0])

    // Each process acknowledged its own person's edits once stored.
    for (const { page } of people) {
      await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved')
      await expect(page.locator('.save-status').innerText()).resolves.toContain('All changes saved')
    }
    expect(people.flatMap(({ name, errors }) => errors.map((error) => `${name}: ${error}`))).toEqual([])
  })
})
