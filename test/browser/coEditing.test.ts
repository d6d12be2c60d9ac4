import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('two people writing one draft in Chromium', () => {
  it('converges, shows presence, reports saved, and survives a reload', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Draft statement')
    const url = `${server.url}/d/${docId}`

    const [ana, ben] = await Promise.all([openBrowser(), openBrowser()])
    const pageA = await openAs(ana, url, 'Ana Reyes')
    const pageB = await openAs(ben, url, 'Ben Okafor')
    const errors = [...watchErrors(pageA), ...watchErrors(pageB)]

    // Each sees the other in the presence list.
    await expect.poll(() => pageA.locator('.presence-name').allInnerTexts(), { timeout: 10_000 }).toContain('Ben Okafor')
    await expect.poll(() => pageB.locator('.presence-name').allInnerTexts(), { timeout: 10_000 }).toContain('Ana Reyes')

    // Both type into the same paragraph at the same time.
    await pageA.locator(EDITOR).click()
    await pageB.locator(EDITOR).click()
    await Promise.all([
      pageA.keyboard.type('Sanctuary for all. ', { delay: 15 }),
      pageB.keyboard.type('Due process for everyone. ', { delay: 15 }),
    ])

    const converged = await waitFor(
      async () => {
        const [a, b] = await Promise.all([statementText(pageA), statementText(pageB)])
        return a === b && a.includes('Sanctuary for all.') && a.includes('Due process for everyone.') ? a : null
      },
      { timeoutMs: 15_000, message: 'both pages to show the same text with both sentences' },
    )
    expect(converged.replace(/\s+/g, ' ').length).toBeGreaterThanOrEqual('Sanctuary for all. Due process for everyone.'.length)

    // The server's acknowledgement turns the status to saved in both pages.
    for (const page of [pageA, pageB]) {
      await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved')
      await expect(page.locator('.save-status').innerText()).resolves.toContain('All changes saved')
    }

    // After a reload the text is still there, identical.
    await pageA.reload()
    await pageA.locator(EDITOR).waitFor()
    await waitFor(async () => (await statementText(pageA)) === converged, { timeoutMs: 10_000, message: 'text after reload' })

    // A newcomer with an empty browser profile gets the same text from the server alone.
    const cleo = await openBrowser()
    const pageC = await openAs(cleo, url, 'Cleo Park')
    await waitFor(async () => (await statementText(pageC)) === converged, { timeoutMs: 10_000, message: 'text for a newcomer' })
    expect(errors).toEqual([])
  })
})
