import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable } from './chromium.js'
import { openPeople, settle } from './coEdit.js'
import { addMember, emailFor } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('bold or italic over a citation', () => {
  it('is what everyone else gets: the page shows exactly the shared document', { timeout: 60_000 }, async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createFixtureDocument(server, 'Formatting a citation')
    const people = await openPeople(server, ['Ola'])
    const [{ page }] = people as [(typeof people)[0]]
    await addMember(server.url, docId, { email: emailFor('Ola') }, 'editor')
    await page.goto(`${server.url}/d/${docId}`)
    await page.locator(`${EDITOR} .citation`).first().waitFor()

    // The whole paragraph, its citations included, made bold, then italic (found by the co-editing monkey).
    await page.locator(`${EDITOR} > p`).first().click()
    await page.keyboard.press('Home')
    await page.keyboard.press('Shift+End')
    await page.keyboard.press('Control+b')
    await page.keyboard.press('Control+i')

    const settled = await settle(server, docId, people)
    expect(settled.ok ? 'the page shows the shared document' : settled.divergence).toBe('the page shows the shared document')
    expect(people[0]!.errors).toEqual([])
  })
})
