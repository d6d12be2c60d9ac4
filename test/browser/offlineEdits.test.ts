import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient } from '../helpers/yClient.js'
import { waitFor } from '../helpers/waitFor.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** Plain text of the rich-text fragment as a Node client sees it. */
function fragmentText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''))
    .join('\n')
}

/** How many updates y-indexeddb holds for a document in this page's browser profile. */
function storedUpdateCount(page: Page, docId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const count = db.transaction('updates').objectStore('updates').count()
          count.onsuccess = () => {
            resolve(count.result)
            db.close()
          }
          count.onerror = () => reject(count.error)
        }
      }),
    `caucus:${docId}`,
  )
}

describe.runIf(chromiumAvailable())('offline editing in Chromium', () => {
  it('keeps edits made while the server refuses us across a reload, then syncs them once, without duplicates', async () => {
    // The server stays up (so the page can load) but its access point answers "storage unavailable" (a
    // retryable close) while `offline` is set: to the page this is exactly an unreachable collaboration server.
    let offline = false
    const server = await startTestServer({
      clientDir,
      wrapAccessPolicy: (policy) => ({
        ...policy,
        decide: (request) => (offline ? Promise.resolve({ allow: false, close: 'storageUnavailable' }) : policy.decide(request)),
      }),
    })
    const docId = await createDoc(server.url, 'Offline draft')
    const url = `${server.url}/d/${docId}`

    const browser = await openBrowser()
    const page = await openAs(browser, url, 'Dana Lee')
    await page.locator(EDITOR).click()
    await page.keyboard.type('Written online. ')
    await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved')

    offline = true
    server.server.collab.disconnectDocument(docId, 'storageUnavailable')
    await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
    const storedBefore = await storedUpdateCount(page, docId)
    await page.keyboard.type('Written offline.')
    await expect.poll(() => page.locator('.save-status').innerText()).toContain('Offline — your edits are kept on this device')
    // IndexedDB writes are asynchronous: wait until every keystroke's update is in the browser's storage.
    await expect.poll(() => storedUpdateCount(page, docId)).toBeGreaterThanOrEqual(storedBefore + 'Written offline.'.length)

    // Reload while still cut off: the offline words come back from the browser's own storage.
    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await page.locator(EDITOR).waitFor()
    let shown = ''
    await waitFor(async () => (shown = await statementText(page)).includes('Written online. Written offline.'), {
      timeoutMs: 10_000,
      message: () => `offline edits restored from IndexedDB after reload (page shows "${shown}")`,
    })

    offline = false
    await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('saved')

    // The server now holds the text exactly once.
    const reader = await connectClient(server.wsUrl, docId)
    await waitFor(() => reader.provider.synced, { message: 'reader synced' })
    expect(fragmentText(reader.doc)).toBe('Written online. Written offline.')
  })
})
