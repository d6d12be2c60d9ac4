import { expect, test } from 'vitest'
import { createFixtureDocument, fixtureArticle, fixtureBill } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { apiFetch } from '../helpers/testAuth.js'

test('GET /api/docs/:id/export.md returns the statement as markdown, in both styles, with JSON errors', async () => {
  const server = await startTestServer()
  const docId = await createFixtureDocument(server, 'Schools: a statement')

  const notes = await apiFetch(`${server.url}/api/docs/${docId}/export.md`)
  expect(notes.status).toBe(200)
  expect(notes.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
  expect(notes.headers.get('content-disposition')).toContain("filename*=UTF-8''Schools")
  const text = await notes.text()
  expect(text).toContain('## Keep schools safe')
  expect(text).toContain('The bill \\*protects\\* students [^1]')
  expect(text).toMatch(/\[\^3\]: .*§ 3/)
  expect(text).toContain('## Further Reading')
  expect(text).toContain(fixtureArticle.title)

  const pandoc = await (await apiFetch(`${server.url}/api/docs/${docId}/export.md?style=pandoc&frontMatter=1`)).text()
  expect(pandoc).toMatch(/^---\n/)
  expect(pandoc).toContain('title: ')
  expect(pandoc).toContain(`[@${fixtureBill.id}]`)
  expect(pandoc).toContain('references:')

  const badStyle = await apiFetch(`${server.url}/api/docs/${docId}/export.md?style=apa`)
  expect(badStyle.status).toBe(400)
  expect(await badStyle.json()).toMatchObject({ error: { code: 'invalid_style', message: expect.stringContaining('notes, pandoc') } })
  const unknown = await apiFetch(`${server.url}/api/docs/nosuchdoc/export.md`)
  expect(unknown.status).toBe(404)
  expect(await unknown.json()).toMatchObject({ error: { code: 'document_not_found' } })
  await apiFetch(`${server.url}/api/docs/${docId}`, { method: 'DELETE' })
  const trashed = await apiFetch(`${server.url}/api/docs/${docId}/export.md`)
  expect(trashed.status).toBe(410)
})

test('an untitled statement is exported as "Untitled statement.md", with no title in its front matter', async () => {
  const server = await startTestServer()
  const docId = await createFixtureDocument(server)

  const response = await apiFetch(`${server.url}/api/docs/${docId}/export.md?frontMatter=1`)
  expect(response.headers.get('content-disposition')).toContain('filename="Untitled statement.md"')
  const markdown = await response.text()
  expect(markdown).toMatch(/^---\ndate: /)
  expect(markdown).not.toContain('title:')
})
