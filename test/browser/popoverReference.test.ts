import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportMarkdown } from '../../shared/export/index.js'
import { writeSource, type CslItem } from '../../shared/sources/index.js'
import { noteLines } from '../export/markdownTree.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

// Typed with straight quotes, as people type them into the source form.
const article: CslItem = {
  id: 'src_typography1',
  type: 'article-newspaper',
  title: 'Deportation Legal Defense Funds Move to Distinguish between "Good" and "Bad" Immigrants',
  author: [{ family: "O'Brien", given: 'Siobhan' }],
  'container-title': 'Metro Daily',
  issued: { 'date-parts': [[2017, 4, 12]] },
  URL: 'https://news.example.org/funds',
  custom: { caucusKind: 'newsArticle' },
}

describe.runIf(chromiumAvailable())('the citation popover', () => {
  it('shows the same full reference as the exported note, set typographically, with the outlet in italics', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
    await waitForSync(writer.provider)
    writeSource(writer.doc, article)
    const paragraph = new Y.XmlElement('paragraph')
    const citation = new Y.XmlElement('citation')
    citation.setAttribute('sourceId', article.id)
    paragraph.insert(0, [new Y.XmlText('Known: '), citation])
    writer.doc.getXmlFragment('default').insert(0, [paragraph])
    await expect.poll(() => writer.saved!.isAllSaved()).toBe(true)
    // The export's note, markdown markup removed: italics as `*…*`, the URL as `<…>`.
    const note = noteLines(exportMarkdown(writer.doc))[0]!.note.replace(/[*<>]/g, '')

    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Kim')
    const cited = page.locator('.statement .citation')
    await expect.poll(() => cited.allInnerTexts(), { timeout: 10_000 }).toEqual(['O’Brien, Metro Daily, 2017'])
    await cited.first().focus()
    const text = page.getByRole('dialog', { name: 'Citation details' }).locator('.popover-text').first()
    await text.waitFor()
    expect(await text.textContent()).toBe(note)
    expect(note).toContain('Siobhan O’Brien, “Deportation Legal Defense Funds Move to Distinguish between ‘Good’ and ‘Bad’ Immigrants,”')
    expect(await text.locator('i').allTextContents()).toEqual(['Metro Daily'])
  })
})
