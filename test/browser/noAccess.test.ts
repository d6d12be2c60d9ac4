import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addMember, apiFetch } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('a statement someone may not open', () => {
  it('a signed-in person who is not a member reads "You don’t have access", and nothing of the statement', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Confidential draft')
    const page = await openAs(await openBrowser(), `${server.url}/`, 'Olu Outsider')
    const errors = watchErrors(page)
    const sockets: string[] = []
    page.on('websocket', (socket) => sockets.push(socket.url()))

    await page.goto(`${server.url}/d/${docId}`)
    await page.getByRole('heading', { name: 'You don’t have access to this document' }).waitFor()
    expect(await page.content()).not.toContain('Confidential draft')
    expect(await page.locator(EDITOR).count()).toBe(0)
    // The role is asked first: no connection is opened to a statement the person cannot open.
    expect(sockets).toEqual([])

    // The way out: back to their own documents.
    await page.getByRole('link', { name: 'Back to your documents' }).click()
    await page.getByText('No statements yet').waitFor()
    expect(errors).toEqual([])
  }, 120_000)

  // y-websocket stops after a 44xx close by itself; the stray socket came from the session's own start-up
  // triggers (its 1.5 s fallback timer, IndexedDB loading late) calling connect() again after the refusal.
  it('a member removed while the statement is open sees "You don’t have access" and the page stops reconnecting', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Shared for a while')
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Rae Removed')
    let opened = 0
    page.on('websocket', () => opened++)
    const members = (await (await apiFetch(`${server.url}/api/docs/${docId}/members`)).json()).members as { userId: string; name: string }[]
    const rae = members.find((member) => member.name === 'Rae Removed')!
    expect((await apiFetch(`${server.url}/api/docs/${docId}/members/${rae.userId}`, { method: 'DELETE' })).status).toBe(200)

    await page.getByRole('heading', { name: 'You don’t have access to this document' }).waitFor()
    expect(await page.locator(EDITOR).count()).toBe(0)
    opened = 0
    // y-websocket would retry a refused connection; a 44xx close ends it. Shared again: still no new socket.
    await addMember(server.url, docId, { email: 'rae-removed@example.org' }, 'viewer')
    // A deliberate wait: a retrying client would have opened several sockets by then (backoff starts at 100 ms).
    await page.waitForTimeout(3_000)
    expect(opened).toBe(0)
  }, 120_000)
})
