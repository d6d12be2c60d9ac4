import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('typing beside a collaborator', () => {
  it('costs one editor transaction per keystroke, and the collaborator’s caret still follows them', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Lior')
    await page.locator(EDITOR).click()
    await page.keyboard.type('First line.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Second line.')

    // A collaborator with a caret at the start of the second paragraph.
    const colleague = connectClient(server.wsUrl, docId)
    await waitForSync(colleague.provider)
    const fragment = colleague.doc.getXmlFragment(YLayout.richTextFragment)
    await expect.poll(() => fragment.length).toBe(2)
    const secondText = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText
    const caretAt = (index: number) => {
      const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(secondText, index))
      colleague.awareness.setLocalStateField('cursor', { anchor: position, head: position })
    }
    colleague.awareness.setLocalStateField('user', { name: 'Colleague', color: '#8250df' })
    caretAt(0)
    const caret = page.locator('.collaboration-carets__caret')
    await expect.poll(() => caret.count()).toBe(1)

    // Each keystroke moves this person's own caret in awareness too: that must not cost a second transaction.
    await page.evaluate(`(() => { window.__transactions = 0; document.querySelector('${EDITOR}').editor.on('transaction', () => window.__transactions++) })()`)
    await page.keyboard.press('End')
    const before = (await page.evaluate('window.__transactions')) as number
    for (const letter of ' More') {
      await page.keyboard.type(letter)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await expect.poll(() => statementText(page)).toContain('Second line. More')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await page.evaluate('window.__transactions')) as number - before).toBe(5)

    // The collaborator's own caret moves are still drawn.
    const xBefore = (await caret.boundingBox())!.x
    caretAt(6)
    await expect.poll(async () => (await caret.boundingBox())!.x).toBeGreaterThan(xBefore + 10)
  })
})
