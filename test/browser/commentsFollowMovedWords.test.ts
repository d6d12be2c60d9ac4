import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { anchorOfText } from '../../shared/comments/commentAnchors.js'
import { createThread } from '../../shared/comments/commentThreads.js'
import { locatePassages } from '../../shared/comments/locatePassages.js'
import { YLayout } from '../../shared/yLayout.js'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { startTestServer, type TestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { freshClient } from '../helpers/yDocJson.js'
import type { Page } from 'playwright-core'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'
import { caretBefore, highlightedPassages } from './commentsPage.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const QUOTE = 'act before the vote'
const JOINED = 'The council must act before the vote on the budget.'
const SPLIT = ['The council must ', 'act before the vote on the budget.']

/** A document of `paragraphs`, written by a colleague's stock client, with a thread on QUOTE (in the last paragraph). */
async function commentedDocument(server: TestServer, paragraphs: string[]): Promise<string> {
  const { docId, writer } = await seedParagraphs(server, paragraphs.length, (i) => paragraphs[i]!)
  const fragment = writer.doc.getXmlFragment(YLayout.richTextFragment)
  const run = (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText
  const at = run.toString().indexOf(QUOTE)
  createThread(writer.doc, { anchor: anchorOfText(run, at, QUOTE.length), quote: QUOTE, author: { id: 'u_alice', name: 'Alice Ng', colour: '#8a3ffc' }, body: 'Which vote?' })
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the thread to be saved' })
  writer.destroy()
  return docId
}

/**
 * Waits until the page shows `paragraphs` with QUOTE highlighted, and a client that has just joined finds the
 * thread on QUOTE too (what everyone else sees).
 */
async function expectPassageEverywhere(server: TestServer, docId: string, page: Page, paragraphs: string[]): Promise<void> {
  await expect.poll(() => page.locator(`${EDITOR} > p`).allTextContents()).toEqual(paragraphs)
  await expect.poll(() => highlightedPassages(page)).toEqual([QUOTE])
  const reader = await freshClient(server.wsUrl, docId)
  await waitFor(() => locatePassages(reader.doc)[0]?.text === QUOTE, {
    message: () => `a fresh client to find "${QUOTE}" (it finds ${JSON.stringify(locatePassages(reader.doc)[0]?.text)})`,
  })
  reader.destroy()
}

describe.runIf(chromiumAvailable())('a comment whose words an edit moves into new Yjs items', () => {
  it('stays on them for everyone when its paragraph is split before them or joined, and when either is undone', { timeout: 180_000 }, async () => {
    const server = await startTestServer({ clientDir })
    const splitDoc = await commentedDocument(server, [JOINED])
    const page = await openAs(await openBrowser(), `${server.url}/d/${splitDoc}`, 'Alice Ng')
    const errors = watchErrors(page)
    await expectPassageEverywhere(server, splitDoc, page, [JOINED])

    // Enter right before the passage: the binding writes its words into a new paragraph, as new items.
    await caretBefore(page, 0, QUOTE)
    await page.keyboard.press('Enter')
    await expectPassageEverywhere(server, splitDoc, page, SPLIT)
    // Undone: the words come back as copies of the originals, which only this page can link to them.
    await page.keyboard.press('Control+z')
    await expectPassageEverywhere(server, splitDoc, page, [JOINED])

    // Backspace at the start of the passage's paragraph joins it to the one before.
    const joinDoc = await commentedDocument(server, SPLIT)
    await openAs(page.context(), `${server.url}/d/${joinDoc}`, 'Alice Ng')
    await expectPassageEverywhere(server, joinDoc, page, SPLIT)
    await caretBefore(page, 1, QUOTE)
    await page.keyboard.press('Backspace')
    await expectPassageEverywhere(server, joinDoc, page, [JOINED])
    await page.keyboard.press('Control+z')
    await expectPassageEverywhere(server, joinDoc, page, SPLIT)
    expect(errors).toEqual([])
  })
})
