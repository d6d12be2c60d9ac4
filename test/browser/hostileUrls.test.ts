import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sourcesMap } from '../../shared/sources/ySources.js'
import { YLayout } from '../../shared/yLayout.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Storage } from '../../server/storage/Storage.js'
import { yElement, yParagraph } from '../export/yWrite.js'
import { apiFetch } from '../helpers/testAuth.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser, statementText, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** Ways to spell a script URL that a careless check lets through. */
const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
]

/** What no page or export may contain, however it is spelled. */
const SCRIPT_URL = /(javascript|vbscript)\s*:|data:text|&#x?[0-9a-f]+;?avascript|javascript&colon;/i

const link = (href: unknown, extra: Record<string, unknown> = {}) => ({ link: { href, ...extra } })

/** A statement whose links and sources a raw client wrote before the server checked them (an older server). */
function hostileStatement(): Y.Doc {
  const doc = new Y.Doc()
  const paragraphs = HOSTILE_HREFS.map((href, index) => yParagraph([`Hostile ${index} `, {}], [`link${index}`, link(href)]))
  doc.getXmlFragment(YLayout.richTextFragment).insert(0, [
    yParagraph(['Safe ', {}], ['site', link('https://example.org/', { target: '_self', rel: '', class: 'evil-class', title: 'x' })]),
    ...paragraphs,
    yParagraph(['Cited', {}], [' here', {}]),
  ])
  const cited = doc.getXmlFragment(YLayout.richTextFragment).get(HOSTILE_HREFS.length + 1) as Y.XmlElement
  cited.insert(1, [yElement('citation', { sourceId: 'src_hostile00001' })])
  const entry = new Y.Map<unknown>()
  sourcesMap(doc).set('src_hostile00001', entry)
  entry.set('type', 'article-newspaper')
  entry.set('title', 'A source with a script address')
  entry.set('URL', 'JaVaScRiPt:alert(document.cookie)')
  entry.set('custom', new Y.Map())
  return doc
}

describe.runIf(chromiumAvailable())('script, data and vbscript addresses written by a raw Yjs client', () => {
  it('are refused by the server, and where a stored document holds them nothing links to them, no script runs and no export has them', async () => {
    let storage: Storage | null = null
    const server = await startTestServer({ clientDir, storage: (file) => (storage = new SqliteStorage(file)) })
    const docId = await createDoc(server.url, 'Hostile links')

    // Today's server refuses every spelling in an update: the raw client's links never reach storage.
    const raw = connectClient(server.wsUrl, docId, { savedAcks: true })
    await waitForSync(raw.provider)
    for (const href of HOSTILE_HREFS) {
      raw.doc.getXmlFragment(YLayout.richTextFragment).insert(0, [yParagraph(['raw ', {}], ['x', link(href)])])
    }
    await expect.poll(() => server.logs.filter((line) => line.includes('link must be')).length, { timeout: 10_000 }).toBeGreaterThan(0)
    raw.provider.destroy()
    const afterRaw = new Y.Doc()
    for (const update of await storage!.loadUpdates(docId)) Y.applyUpdate(afterRaw, update)
    expect(afterRaw.getXmlFragment(YLayout.richTextFragment).toString()).not.toMatch(SCRIPT_URL)

    // A document an older server stored with them.
    const stored = await createDoc(server.url, 'Stored hostile links')
    await storage!.appendUpdate(stored, Y.encodeStateAsUpdate(hostileStatement()), Date.now())

    const page = await openAs(await openBrowser(), `${server.url}/d/${stored}`, 'Rosa')
    const errors = watchErrors(page)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await expect.poll(() => statementText(page)).toContain('link9')

    const anchors = () => page.locator('a').evaluateAll((nodes) => nodes.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target'), cls: a.getAttribute('class'), text: a.textContent })))
    for (const anchor of await anchors()) {
      if (anchor.href !== null) expect(anchor.href, JSON.stringify(anchor)).toMatch(/^(https?:|mailto:|\/|#)/)
    }
    // The safe link opens a new tab that cannot reach back, whatever the document said.
    const safe = page.locator(`${EDITOR} a`, { hasText: 'site' })
    expect(await safe.getAttribute('href')).toBe('https://example.org/')
    expect(await safe.getAttribute('rel')).toBe('noopener noreferrer nofollow')
    expect(await safe.getAttribute('target')).toBe('_blank')
    expect(await safe.getAttribute('class')).toBeNull()
    expect(await safe.getAttribute('title')).toBeNull()

    // Clicking each hostile word (with the modifier that would follow a link) runs nothing.
    for (let index = 0; index < HOSTILE_HREFS.length; index++) {
      await page.locator(EDITOR).getByText(`link${index}`, { exact: true }).click({ modifiers: ['Control'] })
    }
    // The hostile source is unreadable, so its citation shows as missing, with no link to open.
    const citation = page.locator(`${EDITOR} .citation`)
    await expect.poll(() => citation.innerText()).toBe('missing source')
    await citation.focus()
    await page.getByRole('dialog', { name: 'Citation details' }).waitFor()
    for (const anchor of await anchors()) {
      if (anchor.href !== null) expect(anchor.href, JSON.stringify(anchor)).toMatch(/^(https?:|mailto:|\/|#)/)
    }
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(SCRIPT_URL)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    expect(page.context().pages().length).toBe(1)

    // The server-rendered page and both export styles hold none of them either.
    const html = await (await apiFetch(`${server.url}/d/${stored}`)).text()
    expect(html).toContain('link9')
    expect(html).not.toMatch(SCRIPT_URL)
    expect(html).not.toContain('evil-class')
    for (const style of ['notes', 'pandoc']) {
      const response = await apiFetch(`${server.url}/api/docs/${stored}/export.md?style=${style}&furtherReading=all`)
      expect(response.status).toBe(200)
      const markdown = await response.text()
      expect(markdown).toContain('link9')
      expect(markdown, style).not.toMatch(SCRIPT_URL)
    }
  }, 90_000)
})
