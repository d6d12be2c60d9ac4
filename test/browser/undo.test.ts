import { join } from 'node:path'
import { describe, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('undo', () => {
  it("undoes only your own edits, never a colleague's", async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const url = `${server.url}/d/${docId}`
    const [first, second] = await Promise.all([openBrowser(), openBrowser()])
    const pageA = await openAs(first, url, 'Gil')
    const pageB = await openAs(second, url, 'Hana')

    await pageA.locator(EDITOR).click()
    await pageA.keyboard.type('Mine.')
    await waitFor(async () => (await statementText(pageB)).includes('Mine.'), { message: 'B to see A’s words' })
    await pageB.locator(EDITOR).click()
    await pageB.keyboard.press('Control+End')
    await pageB.keyboard.type(' Theirs.')
    await waitFor(async () => (await statementText(pageA)).includes('Mine. Theirs.'), { message: 'A to see B’s words' })

    await pageA.getByRole('button', { name: 'Undo' }).click()
    let shown = ''
    await waitFor(async () => (shown = (await statementText(pageA)).trim()) === 'Theirs.', {
      message: () => `A's undo to remove only A's words (A shows "${shown}")`,
    })
    await waitFor(async () => (await statementText(pageB)).trim() === 'Theirs.', { message: 'B to see the undo' })
  })
})
