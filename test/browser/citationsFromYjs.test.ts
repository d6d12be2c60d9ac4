import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeSource, type CslItem } from '../../shared/sources/index.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

const article: CslItem = {
  id: 'src_article0001',
  type: 'article-newspaper',
  title: 'Council revises its fund',
  author: [{ family: 'Ortega', given: 'Rosa' }],
  'container-title': 'Metro Daily',
  issued: { 'date-parts': [[2017, 4, 12]] },
  URL: 'https://news.example.org/council-fund',
  custom: { caucusKind: 'newsArticle' },
}

/** A paragraph holding a citation element, written the way any Yjs client can. */
function paragraphWithCitation(text: string, sourceId: string, locator?: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  const citation = new Y.XmlElement('citation')
  citation.setAttribute('sourceId', sourceId)
  if (locator) citation.setAttribute('locator', locator)
  paragraph.insert(0, [new Y.XmlText(text), citation])
  return paragraph
}

describe.runIf(chromiumAvailable())('citations written by a plain Yjs client', () => {
  it('render with their label, and an unknown source shows the missing state without breaking the page', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
    await waitForSync(writer.provider)
    writeSource(writer.doc, article)
    writer.doc.getXmlFragment('default').insert(0, [paragraphWithCitation('Known: ', article.id, 'p. 2'), paragraphWithCitation('Unknown: ', 'src_doesnotexist')])
    await expect.poll(() => writer.saved!.isAllSaved()).toBe(true)

    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Kim')
    const citations = page.locator('.statement .citation')
    await expect.poll(() => citations.allInnerTexts(), { timeout: 10_000 }).toEqual(['Ortega, Metro Daily, 2017, p. 2', 'missing source'])
    expect(await citations.nth(1).getAttribute('class')).toContain('citation-missing')

    // Keyboard focus shows the full reference with a safe link.
    await citations.first().focus()
    const link = page.getByRole('dialog', { name: 'Citation details' }).getByRole('link', { name: 'Open source' })
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe(article.URL)
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer')

    // The page still edits normally around them.
    await page.locator('.statement p').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' more')
    await expect.poll(() => page.locator('.statement p').first().innerText()).toContain('more')
  })
})
