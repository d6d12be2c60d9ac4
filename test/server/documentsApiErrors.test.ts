import { describe, expect, test } from 'vitest'
import type { ApiErrorBody, DocumentInfo } from '../../shared/apiTypes.js'
import { createTestApp, requestJson } from '../helpers/testApp.js'

async function expectError(response: Response, status: number, code: string, messageMatch?: RegExp): Promise<ApiErrorBody['error']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  const { error } = (await response.json()) as ApiErrorBody
  expect(error.code).toBe(code)
  // Every error carries a sentence for a person, not just a code.
  expect(error.message.length).toBeGreaterThan(10)
  if (messageMatch) expect(error.message).toMatch(messageMatch)
  return error
}

describe('invalid bodies are refused with 400 and say what is wrong', () => {
  const cases: { what: string; body: unknown; message: RegExp; path: string }[] = [
    { what: 'a title that is too long', body: { title: 'x'.repeat(201) }, message: /at most 200 characters: shorten it/, path: 'title' },
    { what: 'a title that is not text', body: { title: 42 }, message: /Title must be text/, path: 'title' },
    { what: 'an unknown field', body: { title: 'ok', colour: 'red' }, message: /Unknown field\(s\): colour/, path: '(body)' },
    { what: 'a title holding a NUL character', body: { title: 'Parks\u0000 statement' }, message: /control characters/, path: 'title' },
    { what: 'a title holding a lone surrogate', body: { title: 'Parks \ud800 statement' }, message: /broken characters/, path: 'title' },
    { what: 'a title reversed by U+202E', body: { title: 'Statement \u202eKRAP' }, message: /text-direction overrides/, path: 'title' },
    { what: 'a title made only of zero-width spaces', body: { title: '\u200b\u200b' }, message: /at least one visible character/, path: 'title' },
    { what: 'a title with a line break', body: { title: 'Two\nlines' }, message: /control characters/, path: 'title' },
  ]
  for (const { what, body, message, path } of cases) {
    test(`${what} (create and rename)`, async () => {
      const { app } = createTestApp()
      const created = await expectError(await requestJson(app, 'POST', '/api/docs', body), 400, 'invalid_body', message)
      expect(created.issues).toEqual([{ path, message: expect.stringMatching(message) }])

      const { document } = (await (await requestJson(app, 'POST', '/api/docs', { title: 'Before' })).json()) as { document: DocumentInfo }
      const renamed = await expectError(await requestJson(app, 'PATCH', `/api/docs/${document.id}`, body), 400, 'invalid_body', message)
      expect(renamed.issues?.[0]?.path).toBe(path)
      // Nothing changed.
      const after = (await (await app.request(`/api/docs/${document.id}`)).json()) as { document: DocumentInfo }
      expect(after.document.title).toBe('Before')
    })
  }

  test('a body that is not JSON', async () => {
    const { app } = createTestApp()
    await expectError(await requestJson(app, 'POST', '/api/docs', '{"title": '), 400, 'invalid_json', /not valid JSON/)
  })

  test('a rename without a title', async () => {
    const { app } = createTestApp()
    const { document } = (await (await requestJson(app, 'POST', '/api/docs')).json()) as { document: DocumentInfo }
    const error = await expectError(await requestJson(app, 'PATCH', `/api/docs/${document.id}`, {}), 400, 'invalid_body')
    expect(error.issues?.[0]?.path).toBe('title')
  })
})

describe('unknown and invalid addresses get JSON errors', () => {
  test('an unknown document → 404 document_not_found, on every route', async () => {
    const { app } = createTestApp()
    const id = 'no-such-document'
    await expectError(await app.request(`/api/docs/${id}`), 404, 'document_not_found', new RegExp(id))
    await expectError(await requestJson(app, 'PATCH', `/api/docs/${id}`, { title: 'x' }), 404, 'document_not_found')
    await expectError(await app.request(`/api/docs/${id}`, { method: 'DELETE' }), 404, 'document_not_found')
    await expectError(await app.request(`/api/docs/${id}/restore`, { method: 'POST' }), 404, 'document_not_found')
  })

  test('an invalid document id → 400 invalid_doc_id naming the rule', async () => {
    const { app } = createTestApp()
    for (const id of ['bad.id', 'x'.repeat(65), 'sp%20ace']) {
      await expectError(await app.request(`/api/docs/${id}`), 400, 'invalid_doc_id', /1 to 64 characters/)
    }
  })

  test('an unknown API path → 404 not_found', async () => {
    const { app } = createTestApp()
    await expectError(await app.request('/api/nothing-here'), 404, 'not_found')
    await expectError(await app.request('/api/docs/a/b/c'), 404, 'not_found')
  })
})

test('titles in other scripts, with emoji joined by U+200D or a right-to-left mark, are kept as typed', async () => {
  const { app } = createTestApp()
  for (const title of ['בית ספר\u200f (2017)', 'Familias 👨‍👩‍👧 unidas', 'Déclaration — 2017–18']) {
    const response = await requestJson(app, 'POST', '/api/docs', { title })
    expect(response.status, title).toBe(201)
    expect(((await response.json()) as { document: DocumentInfo }).document.title).toBe(title)
  }
})
