import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiFetch } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('a viewer', () => {
  it('sees live edits, cannot type or format, sees "View only", and writes once promoted, without reloading', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url, 'Statement on housing')
    const url = `${server.url}/d/${docId}`
    const owner = await openAs(await openBrowser(), url, server.auth!.name)
    const viewer = await openAs(await openBrowser(), url, 'Vic Viewer', { role: 'viewer' })
    const errors = watchErrors(viewer)

    await viewer.getByText('View only', { exact: true }).waitFor()
    expect(await viewer.locator(EDITOR).getAttribute('contenteditable')).toBe('false')
    expect(await viewer.getByRole('button', { name: 'Bold' }).isDisabled()).toBe(true)
    expect(await viewer.getByRole('button', { name: 'Add source' }).isDisabled()).toBe(true)
    expect(await viewer.getByLabel('Document title').getAttribute('readonly')).toBe('')

    // Live edits arrive.
    await owner.locator(EDITOR).click()
    await owner.keyboard.type('Homes first.')
    await expect.poll(() => statementText(viewer)).toBe('Homes first.')

    // Typing does nothing, here or on the server.
    await viewer.locator(EDITOR).click()
    await viewer.keyboard.type('Vic was here')
    expect(await statementText(viewer)).toBe('Homes first.')
    expect(await viewer.locator('.save-status').getAttribute('data-state')).toBe('saved')

    // The owner promotes Vic: the page becomes editable where it is.
    const members = (await (await apiFetch(`${server.url}/api/docs/${docId}/members`)).json()).members as { userId: string; name: string }[]
    const vic = members.find((member) => member.name === 'Vic Viewer')!
    const promoted = await apiFetch(`${server.url}/api/docs/${docId}/members/${vic.userId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    })
    expect(promoted.status).toBe(200)
    await expect.poll(() => viewer.locator(EDITOR).getAttribute('contenteditable')).toBe('true')
    expect(await viewer.getByText('View only', { exact: true }).count()).toBe(0)
    expect(await viewer.getByRole('button', { name: 'Add source' }).isDisabled()).toBe(false)

    await viewer.locator(EDITOR).click()
    await viewer.keyboard.press('End')
    await viewer.keyboard.type(' Vic agrees.')
    await expect.poll(() => statementText(owner)).toBe('Homes first. Vic agrees.')
    expect(errors).toEqual([])
  }, 180_000)
})
