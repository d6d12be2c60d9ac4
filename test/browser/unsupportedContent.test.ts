import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UNSUPPORTED_CONTENT_LABEL } from '../../shared/unsupported/unsupportedNodes.js'
import { YLayout } from '../../shared/yLayout.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Storage } from '../../server/storage/Storage.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { documentWith, invalidContentCases } from '../shared/invalidYContent.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText, watchErrors } from './chromium.js'
import { addMember, emailFor } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** The statement fragment of everything stored for a document. */
async function storedDoc(storage: Storage, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of await storage.loadUpdates(docId)) Y.applyUpdate(doc, update)
  return doc
}

describe.runIf(chromiumAvailable())('a stored document holding content this version cannot show', () => {
  it('opens without an error, marks what it cannot show, is not changed by being opened, and keeps it through edits', async () => {
    let storage: Storage | null = null
    const server = await startTestServer({ clientDir, storage: (file) => (storage = new SqliteStorage(file)) })
    const context = await openBrowser()
    let first = true
    for (const kind of invalidContentCases) {
      const docId = await createDoc(server.url, kind.name)
      // Written straight into storage, as an older server or a newer version of Caucus would have left it.
      const original = documentWith(kind)
      await storage!.appendUpdate(docId, Y.encodeStateAsUpdate(original), Date.now())
      const expectedXml = original.getXmlFragment(YLayout.richTextFragment).toString()

      const page = first ? await openAs(context, `${server.url}/d/${docId}`, 'Ana Reyes') : context.pages()[0]!
      if (!first) {
        await addMember(server.url, docId, { email: emailFor('Ana Reyes') }, 'editor')
        await page.goto(`${server.url}/d/${docId}`)
        await page.locator(EDITOR).waitFor()
      }
      first = false
      const errors = watchErrors(page)
      await expect.poll(() => statementText(page), { message: kind.name }).toContain('Last good paragraph.')
      const text = await statementText(page)
      expect(text, kind.name).toContain('First good paragraph.')
      if (kind.name === 'an unknown mark') {
        expect(text).toContain('Text with a future mark')
        await expect.poll(() => page.locator(`${EDITOR} .unsupported-formatting`).count()).toBe(1)
      } else {
        await expect.poll(() => page.locator(`${EDITOR} .unsupported-content`).innerText(), { message: kind.name }).toBe(UNSUPPORTED_CONTENT_LABEL)
      }
      // Opening it, clicking in it, selecting everything and pressing Delete change nothing that cannot be shown.
      await page.locator(EDITOR).click()
      expect((await storedDoc(storage!, docId)).getXmlFragment(YLayout.richTextFragment).toString(), kind.name).toBe(expectedXml)
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' Edited.')
      await expect.poll(async () => (await storedDoc(storage!, docId)).getXmlFragment(YLayout.richTextFragment).toString(), { message: kind.name }).toContain('Edited.')
      const invalidPart = expectedXml.replace(/^<paragraph>First good paragraph\.<\/paragraph>/, '').replace(/<paragraph>Last good paragraph\.<\/paragraph>$/, '')
      // The invalid part is still there after an edit elsewhere, exactly as it was written.
      expect((await storedDoc(storage!, docId)).getXmlFragment(YLayout.richTextFragment).toString(), kind.name).toContain(invalidPart)
      if (kind.name !== 'an unknown mark') {
        // A placeholder cannot be deleted from this version (text with unknown formatting is text, and can be).
        await page.keyboard.press('Control+a')
        await page.keyboard.press('Delete')
        await page.keyboard.type('Replaced.')
        await expect.poll(() => statementText(page), { message: kind.name }).toContain(UNSUPPORTED_CONTENT_LABEL)
        await expect.poll(async () => (await storedDoc(storage!, docId)).getXmlFragment(YLayout.richTextFragment).toString(), { message: kind.name }).toContain(invalidPart)
      }
      expect(errors, kind.name).toEqual([])
    }
  }, 120_000)
})
