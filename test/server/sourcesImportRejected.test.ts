import { expect, test } from 'vitest'
import type { ApiErrorBody, SourcesImportResult } from '../../shared/apiTypes.js'
import { toCsl, type CslItem } from '../../shared/sources/index.js'
import { DEFAULT_SECURITY } from '../../server/config.js'
import { createTestApp, requestJson, type TestApp } from '../helpers/testApp.js'
import { billVersionInput, newsArticleInput } from '../shared/fixtures.js'

async function expectError(response: Response, status: number, code: string, messageMatch?: RegExp): Promise<ApiErrorBody['error']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  const { error } = (await response.json()) as ApiErrorBody
  expect(error.code).toBe(code)
  if (messageMatch) expect(error.message).toMatch(messageMatch)
  return error
}

/** A document already holding one source, so "nothing imported" can be told from "emptied". */
async function documentWithOneSource(app: TestApp): Promise<{ docId: string; before: CslItem[] }> {
  const { document } = (await (await requestJson(app, 'POST', '/api/docs')).json()) as { document: { id: string } }
  const seeded = await requestJson(app, 'POST', `/api/docs/${document.id}/sources`, [toCsl(billVersionInput({ id: 'src_bill00000001' }))])
  expect(((await seeded.json()) as SourcesImportResult).ids).toEqual(['src_bill00000001'])
  return { docId: document.id, before: await sources(app, document.id) }
}

const sources = async (app: TestApp, docId: string) => (await (await app.request(`/api/docs/${docId}/sources`)).json()) as CslItem[]

test('an import with one invalid item is refused whole, naming the item and the field; nothing is imported', async () => {
  const { app } = createTestApp()
  const { docId, before } = await documentWithOneSource(app)
  const items = [
    toCsl(newsArticleInput({ id: 'src_news00000001' })),
    { ...toCsl(newsArticleInput({ id: 'src_news00000002' })), URL: 'javascript:alert(1)' },
    { type: 'webpage', title: 'Valid, but in a refused import', URL: 'https://example.org/' },
  ]
  const error = await expectError(await requestJson(app, 'POST', `/api/docs/${docId}/sources`, items), 400, 'invalid_import')
  expect(error.message).toBe(
    'Item 2 is not valid, so nothing was imported. Item 2 ("src_news00000002"): URL must start with http:// or https://.',
  )
  expect(error.issues).toEqual([{ path: '[1].URL', message: 'URL must start with http:// or https://' }])
  expect(error.items).toEqual([{ index: 1, id: 'src_news00000002', issues: [{ path: 'URL', message: 'URL must start with http:// or https://' }] }])
  expect(await sources(app, docId)).toEqual(before)
})

test('a body that is not an array, not JSON, or too large is refused with 400 / 413', async () => {
  const { app } = createTestApp()
  const { docId, before } = await documentWithOneSource(app)
  const path = `/api/docs/${docId}/sources`
  await expectError(await requestJson(app, 'POST', path, { items: [] }), 400, 'invalid_import', /must be an array of items/)
  await expectError(await requestJson(app, 'POST', path, ''), 400, 'invalid_import', /must be an array of items/)
  await expectError(await requestJson(app, 'POST', path, '[{"title": '), 400, 'invalid_json', /not valid JSON/)
  const huge = JSON.stringify([{ type: 'book', title: 'x'.repeat(DEFAULT_SECURITY.maxImportBytes) }])
  await expectError(await requestJson(app, 'POST', path, huge), 413, 'payload_too_large', /at most 5 MB/)
  expect(await sources(app, docId)).toEqual(before)
})

test('unknown, invalid and trashed documents get JSON errors on GET and POST', async () => {
  const { app } = createTestApp()
  const { docId } = await documentWithOneSource(app)
  const bill = [toCsl(billVersionInput({ id: 'src_bill00000002' }))]

  await expectError(await app.request('/api/docs/no-such-document/sources'), 404, 'document_not_found', /no-such-document/)
  await expectError(await requestJson(app, 'POST', '/api/docs/no-such-document/sources', bill), 404, 'document_not_found')
  await expectError(await app.request('/api/docs/bad.id/sources'), 400, 'invalid_doc_id', /1 to 64 characters/)

  await app.request(`/api/docs/${docId}`, { method: 'DELETE' })
  await expectError(await app.request(`/api/docs/${docId}/sources`), 410, 'document_in_trash', /Restore it/)
  await expectError(await requestJson(app, 'POST', `/api/docs/${docId}/sources`, bill), 410, 'document_in_trash')

  await app.request(`/api/docs/${docId}/restore`, { method: 'POST' })
  expect((await sources(app, docId)).map((item) => item.id)).toEqual(['src_bill00000001'])
})
