import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeCitationDisplay } from '../../shared/documentSettings.js'
import { writeSource } from '../../shared/sources/index.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { fixtureArticle } from '../helpers/statementFixture.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { tempDir } from '../helpers/tempDir.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { apiFetch } from '../helpers/testAuth.js'

// A stand-in for the built client: only its index.html matters here.
const INDEX_HTML = '<!doctype html><html><head><title>Caucus</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>'

function clientDir(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  return dir
}

function paragraph(...children: (string | Y.XmlElement)[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, children.map((child) => (typeof child === 'string' ? new Y.XmlText(child) : child)))
  return element
}

function citation(sourceId: string, locator?: string): Y.XmlElement {
  const element = new Y.XmlElement('citation')
  element.setAttribute('sourceId', sourceId)
  if (locator) element.setAttribute('locator', locator)
  return element
}

async function page(url: string): Promise<{ status: number; type: string | null; cacheControl: string | null; html: string }> {
  const response = await apiFetch(url)
  return { status: response.status, type: response.headers.get('content-type'), cacheControl: response.headers.get('cache-control'), html: await response.text() }
}

/** The statement the page carries (the element the client takes over), or null. */
const previewOf = (html: string) => /<div id="statement-preview"[^>]*>([\s\S]*?)<\/div><\/article>/.exec(html)?.[1] ?? null

describe('the page of a statement', () => {
  it('carries the statement as the editor shows it, escaped, with citation labels, and follows edits', async () => {
    const server = await startTestServer({ clientDir: clientDir() })
    const title = 'Budget </script><script>alert(1)</script> $& "quoted"'
    const docId = await createDoc(server.url, title)
    const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
    await waitForSync(writer.provider)
    writeSource(writer.doc, fixtureArticle)
    writer.doc.getXmlFragment('default').insert(0, [
      paragraph('We <script>alert("x")</script> object & ask ', citation(fixtureArticle.id, 'p. 2')),
      paragraph('A deleted source: ', citation('src_doesnotexist')),
    ])
    await expect.poll(() => writer.saved!.isAllSaved()).toBe(true)

    const first = await page(`${server.url}/d/${docId}`)
    expect(first.status).toBe(200)
    expect(first.type).toContain('text/html')
    expect(first.cacheControl).toBe('no-store')
    const statement = previewOf(first.html)
    expect(statement).not.toBeNull()
    expect(statement).toContain('<p>We &lt;script&gt;alert("x")&lt;/script&gt; object &amp; ask <span class="citation" data-source-id="src_news0000001">Ruiz, Harbor Times, 2018, p. 2</span></p>')
    expect(statement).toContain('<span class="citation citation-missing" data-source-id="src_doesnotexist">missing source</span>')
    // Nothing typed can open a tag or end the page's scripts.
    expect(first.html).not.toContain('<script>alert')
    expect(first.html).toContain('<title>Budget &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&amp; &quot;quoted&quot; · Caucus</title>')
    const info = /<script type="application\/json" id="document-info">([^<]*)<\/script>/.exec(first.html)?.[1]
    expect(JSON.parse(info!)).toMatchObject({ id: docId, title })
    // The page's scripts are still there, before the statement (the browser fetches them meanwhile).
    expect(first.html.indexOf('/assets/app.js')).toBeLessThan(first.html.indexOf('statement-preview'))

    // An edit, and a change of citation display, are in the next page (no stale rendering is served).
    writer.doc.getXmlFragment('default').insert(2, [paragraph('Added later.')])
    writeCitationDisplay(writer.doc, 'notes')
    await expect.poll(() => writer.saved!.isAllSaved()).toBe(true)
    const second = await page(`${server.url}/d/${docId}`)
    expect(previewOf(second.html)).toContain('<p>Added later.</p>')
    expect(second.html).toContain('<article class="paper citations-as-notes">')
  })

  it('is the plain app page for an unknown, malformed or trashed document, with no preview', async () => {
    const server = await startTestServer({ clientDir: clientDir() })
    const trashed = await createDoc(server.url, 'Old draft')
    expect((await apiFetch(`${server.url}/api/docs/${trashed}`, { method: 'DELETE' })).status).toBe(200)
    // An unknown document answers 404, as one the person has no role on does (see test/server/auth/).
    for (const [path, status] of [['/d/abcdefghijklmnop', 404], ['/d/not%20an%20id', 200], [`/d/${trashed}`, 200]] as const) {
      const response = await page(`${server.url}${path}`)
      expect(response.status, path).toBe(status)
      expect(response.html, path).toBe(INDEX_HTML)
    }
  })

  it('is the plain app page when the document cannot be loaded, and says why in the log', async () => {
    const server = await startTestServer({
      clientDir: clientDir(),
      storage: (file) => {
        const storage = new SqliteStorage(file)
        storage.loadUpdates = () => Promise.reject(new Error('disk unplugged'))
        return storage
      },
    })
    const docId = await createDoc(server.url, 'Unlucky')
    const response = await page(`${server.url}/d/${docId}`)
    expect(response.status).toBe(200)
    expect(previewOf(response.html)).toBeNull()
    expect(response.html).toContain('<div id="root"></div>')
    expect(response.html).toContain('<title>Unlucky · Caucus</title>')
    expect(server.logs.join('\n')).toContain('could not be rendered')
  })
})

describe('the page renderer warm-up', () => {
  it('renders its made-up statement to the end without an error', async () => {
    const { warmUpRenderer } = await import('../../server/preview/warmUp.js')
    await new Promise<void>((resolve) => warmUpRenderer(resolve))
  })
})
