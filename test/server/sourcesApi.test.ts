import { join } from 'node:path'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { readSources, toCsl, type CslItem } from '../../shared/sources/index.js'
import { byId, getSources, importOk } from '../helpers/sourcesApi.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { billVersionInput, newsArticleInput } from '../shared/fixtures.js'
import { apiFetch } from '../helpers/testAuth.js'

const zoteroBook = {
  id: 'http://zotero.org/users/local/x1/items/BOOK0001',
  type: 'book',
  title: 'Commons and Cities',
  author: [{ family: 'Lindqvist', given: 'Sara' }],
  publisher: 'Harbor Press',
  ISBN: '978-0-00-000000-0',
  issued: { 'date-parts': [[2015]] },
}

test('an imported CSL-JSON array reaches live editors at once, reads back as CSL-JSON, and survives a restart', async () => {
  const first = await startTestServer()
  const docId = await createDoc(first.url)
  // Connected before the import, and never reconnected: it must see the import through its open socket.
  const editor = connectClient(first.wsUrl, docId)
  await waitForSync(editor.provider)

  const bill = toCsl(billVersionInput({ id: 'src_bill00000001' }))
  const news = toCsl(newsArticleInput({ id: 'src_news00000001' }))
  const withoutId = { type: 'webpage', title: 'Coalition position', URL: 'https://parksforall.example.org/position' }
  const result = await importOk(first.url, docId, [bill, news, zoteroBook, withoutId])
  expect(result.ids.slice(0, 3)).toEqual([bill.id, news.id, zoteroBook.id])
  expect(result.ids[3]).toMatch(/^src_/)
  expect(result).toMatchObject({ renamed: {}, unchanged: [] })
  const expected = byId([bill, news, zoteroBook, { ...withoutId, id: result.ids[3]! }] as CslItem[])

  // Stored, not just held in memory: another reader of the database file sees it.
  const reader = new SqliteStorage(join(first.dataDir, 'caucus.sqlite'))
  const stored = new Y.Doc()
  for (const update of await reader.loadUpdates(docId)) Y.applyUpdate(stored, update)
  await reader.close()
  expect(readSources(stored)).toEqual(expected)

  expect(await getSources(first.url, docId)).toEqual(expected)
  await waitFor(() => readSources(editor.doc).length === 4, { message: 'the connected editor to receive the import' })
  expect(readSources(editor.doc)).toEqual(expected)
  expect(editor.provider.wsconnected).toBe(true)

  // Only an explicit download asks the browser to save a file.
  expect((await apiFetch(`${first.url}/api/docs/${docId}/sources`)).headers.get('content-disposition')).toBeNull()
  const download = await apiFetch(`${first.url}/api/docs/${docId}/sources?download=1`)
  expect(download.headers.get('content-type')).toMatch(/^application\/json/)
  expect(download.headers.get('content-disposition')).toBe('attachment; filename="untitled-statement-sources.json"')
  expect(await download.json()).toEqual(expected)

  editor.destroy()
  await first.close()
  const second = await startTestServer({ dataDir: first.dataDir })
  expect(await getSources(second.url, docId)).toEqual(expected)
})
