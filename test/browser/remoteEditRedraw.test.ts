import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'
import { seedParagraphs } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const PARAGRAPHS = 60

/** The editor state's top-level nodes (Tiptap keeps the editor on its DOM element). */
const docChildren = `document.querySelector('${EDITOR}').editor.state.doc.content.content`
const rememberNodes = `(() => { window.__nodes = [...${docChildren}] })()`
const keptNodes = `${docChildren}.map((node, i) => node === window.__nodes[i])`

describe.runIf(chromiumAvailable())('a collaborator’s edit', () => {
  it('rebuilds only the paragraph it changed and never scrolls the reader', async () => {
    const server = await startTestServer({ clientDir })
    const { docId, writer } = await seedParagraphs(server, PARAGRAPHS, (i) => `Paragraph ${i} of the statement, long enough to take a line or two of the page.`)
    const fragment = writer.doc.getXmlFragment(YLayout.richTextFragment)

    const page = await openAs(await openBrowser({ width: 900, height: 600 }), `${server.url}/d/${docId}`, 'Noor')
    const errors = watchErrors(page)
    const paragraphs = page.locator(`${EDITOR} > p`)
    await expect.poll(() => paragraphs.count(), { timeout: 10_000 }).toBe(PARAGRAPHS)

    // The reader types at the top, then reads further down.
    await paragraphs.first().click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Ours: ')
    await expect.poll(() => paragraphs.first().textContent()).toContain('Ours: Paragraph 0')
    await page.mouse.wheel(0, 2500)
    await expect.poll(() => page.evaluate('window.scrollY')).toBeGreaterThan(1500)
    const scrolledTo = (await page.evaluate('window.scrollY')) as number

    // The writer edits paragraph 58 (below the view): only that paragraph's node is new; the view does not move.
    await page.evaluate(rememberNodes)
    ;((fragment.get(58) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Edited: ')
    await expect.poll(() => paragraphs.nth(58).textContent()).toContain('Edited: Paragraph 58')
    const kept = (await page.evaluate(keptNodes)) as boolean[]
    expect(kept.filter((same) => !same).length, 'paragraphs whose node was rebuilt').toBe(1)
    expect(kept[58]).toBe(false)
    expect(await page.evaluate('window.scrollY')).toBe(scrolledTo)

    expect(errors).toEqual([])
  })
})
