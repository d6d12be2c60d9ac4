import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const PARAGRAPHS = 8

/** The editor's selection, read from the editor state. */
const readSelection = `(() => {
  const { state } = document.querySelector('${EDITOR}').editor
  return { from: state.selection.from, to: state.selection.to, doc: state.doc.content.size }
})()`

describe.runIf(chromiumAvailable())('undo', () => {
  it('leaves the caret where the undone words were, even at the very start of the statement', async () => {
    const server = await startTestServer({ clientDir })
    const { docId } = await seedParagraphs(server, PARAGRAPHS, (i) => `Paragraph ${i} of the statement.`)

    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Ines')
    const errors = watchErrors(page)
    const paragraphs = page.locator(`${EDITOR} > p`)
    await expect.poll(() => paragraphs.count(), { timeout: 10_000 }).toBe(PARAGRAPHS)

    for (const [where, paragraph, offset] of [['the start of the statement', 0, 0], ['the start of a later paragraph', 3, 0], ['the middle of a paragraph', 5, 4]] as const) {
      await paragraphs.nth(paragraph).click()
      await page.keyboard.press('Home')
      for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight')
      await page.keyboard.type('XYZ')
      await expect.poll(() => paragraphs.nth(paragraph).textContent()).toContain('XYZ')
      // Where the words began: three letters before the caret.
      const typedAt = ((await page.evaluate(readSelection)) as { from: number }).from - 3
      await page.keyboard.press('Control+z')
      await expect.poll(() => paragraphs.nth(paragraph).textContent()).toBe(`Paragraph ${paragraph} of the statement.`)
      const after = (await page.evaluate(readSelection)) as { from: number; to: number }
      expect(after, `the caret after undoing words typed at ${where}`).toMatchObject({ from: typedAt, to: typedAt })
    }
    expect(errors).toEqual([])
  })
})
