import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { anchorOfText } from '../../shared/comments/commentAnchors.js'
import { createThread } from '../../shared/comments/commentThreads.js'
import { YLayout } from '../../shared/yLayout.js'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { axeViolations } from './axe.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'
import { highlightedPassages, screenshot, selectWords } from './commentsPage.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const PHONE = { width: 390, height: 844 }
const TEXT = 'The council must act before the vote on the budget, and publish the figures first.'

describe.runIf(chromiumAvailable())('comments on a phone', () => {
  it('the threads are a list that opens from the text; an editor comments from the toolbar, a viewer only reads', { timeout: 180_000 }, async () => {
    const server = await startTestServer({ clientDir })
    const { docId, writer } = await seedParagraphs(server, 1, () => TEXT)
    const run = (writer.doc.getXmlFragment(YLayout.richTextFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText
    const quote = 'act before the vote'
    createThread(writer.doc, { anchor: anchorOfText(run, TEXT.indexOf(quote), quote.length), quote, author: { id: 'u_alice', name: 'Alice Ng', colour: '#8a3ffc' }, body: 'Which vote?' })
    await waitFor(() => writer.saved!.isAllSaved(), { message: 'the thread to be saved' })
    writer.destroy()
    const url = `${server.url}/d/${docId}`

    // A viewer on a phone: the passage is highlighted, and tapping it opens the list at its thread.
    const viewer = await openAs(await openBrowser(PHONE, { touch: true }), url, 'Vic Viewer', { role: 'viewer' })
    const viewerErrors = watchErrors(viewer)
    await expect.poll(() => highlightedPassages(viewer)).toEqual([quote])
    expect(await viewer.getByRole('button', { name: 'Comment', exact: true }).count()).toBe(0)
    await viewer.locator('.comment-anchor').first().tap()
    const sheet = viewer.getByRole('dialog', { name: 'Comments' })
    await sheet.waitFor()
    const card = sheet.locator('[data-thread-card]').filter({ hasText: 'Which vote?' })
    await card.waitFor()
    expect(await card.locator('.comment-author').textContent()).toBe('Alice Ng')
    await card.click()
    expect(await card.getByRole('textbox').count()).toBe(0)
    expect(await card.getByRole('button', { name: /^Resolve/ }).count()).toBe(0)
    expect(await sheet.textContent()).toContain('view only')
    await screenshot(viewer, 'comments-390-viewer')
    expect(await axeViolations(viewer), 'a viewer’s page with the list open').toEqual([])
    await sheet.getByRole('button', { name: 'Close' }).tap()
    await expect.poll(() => sheet.count()).toBe(0)
    // The button that opens the list has the focus back.
    await expect.poll(() => viewer.evaluate(() => document.activeElement?.textContent)).toMatch(/^Comments/)

    // An editor on a phone selects words and comments from the toolbar; the list opens with the form.
    const editor = await openAs(await openBrowser(PHONE, { touch: true }), url, 'Eda Editor')
    const editorErrors = watchErrors(editor)
    await editor.locator(`${EDITOR} > p`).first().waitFor()
    await selectWords(editor, 0, 'publish the figures')
    await editor.getByRole('button', { name: 'Comment', exact: true }).tap()
    const form = editor.getByRole('textbox', { name: 'Comment on “publish the figures”' })
    await form.waitFor()
    await form.fill('Which figures?')
    await screenshot(editor, 'comments-390-new')
    expect(await axeViolations(editor), 'an editor’s page writing a comment').toEqual([])
    await editor.getByRole('button', { name: 'Comment', exact: true }).last().tap()
    await editor.getByRole('dialog', { name: 'Comments' }).locator('[data-thread-card]').filter({ hasText: 'Which figures?' }).waitFor()
    await expect.poll(() => highlightedPassages(viewer)).toEqual([quote, 'publish the figures'])
    expect(await viewer.getByRole('button', { name: /^Comments/ }).textContent()).toBe('Comments 2')
    expect([...viewerErrors, ...editorErrors]).toEqual([])
  })
})
