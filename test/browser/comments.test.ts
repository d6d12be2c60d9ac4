import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readThreads } from '../../shared/comments/commentThreads.js'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { freshClient } from '../helpers/yDocJson.js'
import { axeViolations } from './axe.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'
import { focusedThread, highlightedPassages, screenshot, selectWords, threadOrder } from './commentsPage.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const FIRST = 'The council must act before the vote on the budget.'
const SECOND = 'We meet again on Tuesday evening.'

describe.runIf(chromiumAvailable())('comments between two people', () => {
  it('A comments with the keyboard, B sees it live, replies, moves between threads and resolves; A’s undo leaves every comment', { timeout: 240_000 }, async () => {
    const server = await startTestServer({ clientDir })
    const { docId, writer } = await seedParagraphs(server, 2, (i) => [FIRST, SECOND][i]!)
    writer.destroy()
    const url = `${server.url}/d/${docId}`
    const alice = await openAs(await openBrowser(), url, 'Alice Ng')
    const bob = await openAs(await openBrowser(), url, 'Bob Ruiz')
    const errors = [watchErrors(alice), watchErrors(bob)]
    await Promise.all([alice, bob].map((page) => page.locator(`${EDITOR} > p`).nth(1).waitFor()))

    // Alice edits the text (so her undo has something to take), then comments on two passages by keyboard.
    await alice.locator(`${EDITOR} > p`).nth(1).click()
    await alice.keyboard.press('End')
    await alice.keyboard.type(' Bring the figures.')
    await selectWords(alice, 0, 'act before the vote')
    await alice.keyboard.press('Control+Alt+m')
    const box = alice.getByRole('textbox', { name: 'Comment on “act before the vote”' })
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await highlightedPassages(alice)).toEqual([])
    expect(await alice.locator('.comment-anchor.is-pending').textContent()).toBe('act before the vote')
    expect(await axeViolations(alice), 'the page with a comment being written').toEqual([])
    await alice.keyboard.type('Which vote?')
    await alice.keyboard.press('Control+Enter')
    await selectWords(alice, 1, 'Tuesday')
    await alice.keyboard.press('Control+Alt+m')
    // Typed at once, with no wait: the form takes the focus in the same task as the shortcut.
    await alice.keyboard.type('Or Wednesday?')
    await alice.keyboard.press('Control+Enter')

    // Bob sees both passages highlighted and both threads in the margin, with Alice's name, live.
    await expect.poll(() => highlightedPassages(bob)).toEqual(['act before the vote', 'Tuesday'])
    const firstCard = bob.locator('[data-thread-card]').filter({ hasText: 'Which vote?' })
    await firstCard.waitFor()
    expect(await firstCard.locator('.comment-author').textContent()).toBe('Alice Ng')
    expect(await firstCard.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/)
    await screenshot(bob, 'comments-1280')
    expect(await axeViolations(bob), 'the page with the threads in the margin').toEqual([])

    // Bob moves between threads from the text with Ctrl+Alt+N / Ctrl+Alt+P, and Escape takes him back to the text.
    const [onVote, onTuesday] = await threadOrder(bob)
    await bob.locator(`${EDITOR} > p`).first().click()
    await bob.keyboard.press('Home')
    await bob.keyboard.press('Control+Alt+n')
    await expect.poll(() => focusedThread(bob)).toBe(onVote)
    await bob.keyboard.press('Control+Alt+n')
    await expect.poll(() => focusedThread(bob)).toBe(onTuesday)
    await bob.keyboard.press('Control+Alt+p')
    await expect.poll(() => focusedThread(bob)).toBe(onVote)
    await bob.keyboard.press('Escape')
    await expect.poll(() => bob.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

    // Bob replies on the first thread and resolves it; Alice sees both.
    await firstCard.click()
    await firstCard.getByRole('textbox', { name: 'Reply to Alice Ng' }).fill('The budget vote.')
    await screenshot(bob, 'comments-1280-reply')
    await firstCard.getByRole('button', { name: /^Reply/ }).click()
    await alice.locator('[data-thread-card]').filter({ hasText: 'The budget vote.' }).waitFor()
    await firstCard.getByRole('button', { name: /^Resolve/ }).click()
    await expect.poll(() => highlightedPassages(alice)).toEqual(['Tuesday'])
    await alice.getByRole('button', { name: 'Show resolved (1)' }).waitFor()

    // Alice undoes everything she can: her typing goes, every comment, Bob's reply and resolution stay.
    await alice.locator(`${EDITOR} > p`).nth(1).click()
    for (let i = 0; i < 6; i++) await alice.keyboard.press('Control+z')
    await expect.poll(() => alice.locator(`${EDITOR} > p`).allTextContents()).toEqual([FIRST, SECOND])
    const reader = await freshClient(server.wsUrl, docId)
    const threads = readThreads(reader.doc)
    expect(threads.map((thread) => [thread.quote, thread.messages.map((message) => `${message.author.name}: ${message.body}`), thread.resolved?.by.name ?? null])).toEqual([
      ['act before the vote', ['Alice Ng: Which vote?', 'Bob Ruiz: The budget vote.'], 'Bob Ruiz'],
      ['Tuesday', ['Alice Ng: Or Wednesday?'], null],
    ])
    expect(await highlightedPassages(bob)).toEqual(['Tuesday'])

    // Printed, the statement shows no highlight and no margin.
    await alice.emulateMedia({ media: 'print' })
    expect(await alice.locator('.comments-margin').isVisible()).toBe(false)
    expect(await alice.locator('.comment-anchor').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgba(0, 0, 0, 0)')
    await alice.emulateMedia({ media: 'screen' })

    // Bob deletes the second passage: the thread stays, detached, quoting its words.
    await selectWords(bob, 1, 'Tuesday ')
    await bob.keyboard.press('Backspace')
    const detached = alice.locator('[data-thread-card].is-detached')
    await detached.waitFor()
    expect(await detached.locator('.thread-quote-text').textContent()).toBe('Tuesday')
    expect(await highlightedPassages(alice)).toEqual([])
    await alice.getByRole('button', { name: 'Show resolved (1)' }).click()
    await screenshot(alice, 'comments-1280-detached')

    expect(errors.flat()).toEqual([])
  })
})
