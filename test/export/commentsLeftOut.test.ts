import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { anchorOfText } from '../../shared/comments/commentAnchors.js'
import { addReply, createThread, setResolved } from '../../shared/comments/commentThreads.js'
import { exportMarkdown, type ExportOptions } from '../../shared/export/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { createFixtureDocument, writeFixtureStatement } from '../helpers/statementFixture.js'
import { tempDir } from '../helpers/tempDir.js'
import { apiFetch } from '../helpers/testAuth.js'
import { startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

const alice = { id: 'u_alice', name: 'Alice Ng', colour: '#8a3ffc' }
const COMMENT = 'COMMENT-BODY-never-exported'
const REPLY = 'REPLY-BODY-never-exported'

/** Comments of every kind on the fixture statement: open with a reply, resolved, and one on a heading. */
function addComments(doc: Y.Doc): void {
  const [heading, paragraph] = doc.getXmlFragment(YLayout.richTextFragment).toArray() as Y.XmlElement[]
  const words = paragraph!.get(0) as Y.XmlText
  const open = createThread(doc, { anchor: anchorOfText(words, 4, 8), quote: words.toString().slice(4, 12), author: alice, body: COMMENT })
  addReply(doc, open, { author: alice, body: REPLY })
  const resolved = createThread(doc, { anchor: anchorOfText(heading!.get(0) as Y.XmlText, 0, 4), quote: 'Keep', author: alice, body: COMMENT })
  setResolved(doc, resolved, alice)
}

const OPTIONS: ExportOptions[] = [
  {},
  { style: 'notes', furtherReading: 'all', frontMatter: { title: 'Schools', date: '2024-09-17' } },
  { style: 'pandoc', frontMatter: { title: 'Schools', date: '2024-09-17' } },
]

test('the markdown export of a commented statement is byte-identical to the same statement without comments', () => {
  const plain = new Y.Doc()
  writeFixtureStatement(plain)
  const commented = new Y.Doc()
  Y.applyUpdate(commented, Y.encodeStateAsUpdate(plain))
  addComments(commented)
  for (const options of OPTIONS) {
    const withComments = exportMarkdown(commented, options)
    expect(withComments).toBe(exportMarkdown(plain, options))
    expect(withComments).not.toContain('never-exported')
  }
})

// A stand-in for the built client: only its index.html matters for the statement's page.
function clientDir(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Caucus</title></head><body><div id="root"></div></body></html>')
  return dir
}

const previewOf = (html: string) => /<div id="statement-preview"[^>]*>([\s\S]*?)<\/div><\/article>/.exec(html)?.[1] ?? null

test('the server’s export route and the statement’s page leave comments out', async () => {
  const server = await startTestServer({ clientDir: clientDir() })
  const docId = await createFixtureDocument(server, 'Schools')
  const read = async () => ({
    notes: await (await apiFetch(`${server.url}/api/docs/${docId}/export.md?frontMatter=1&furtherReading=all`)).text(),
    pandoc: await (await apiFetch(`${server.url}/api/docs/${docId}/export.md?style=pandoc`)).text(),
    page: await (await apiFetch(`${server.url}/d/${docId}`)).text(),
  })
  const before = await read()

  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  addComments(writer.doc)
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the comments to be saved' })
  const after = await read()

  expect(after.notes).toBe(before.notes)
  expect(after.pandoc).toBe(before.pandoc)
  expect(previewOf(after.page)).not.toBeNull()
  expect(previewOf(after.page)).toBe(previewOf(before.page))
  expect(after.page).not.toContain('never-exported')
})
