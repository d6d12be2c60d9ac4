import { expect, test } from 'vitest'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { isValidDocId } from '../../shared/docId.js'
import { createTestApp, requestJson } from '../helpers/testApp.js'

type One = { document: DocumentInfo }
type Many = { documents: DocumentInfo[] }

test('documents can be created, listed, read, renamed, trashed, restored and purged', async () => {
  const { app } = createTestApp()

  const created = await requestJson(app, 'POST', '/api/docs')
  expect(created.status).toBe(201)
  const { document } = (await created.json()) as One
  // A new statement has no title (the app shows "Untitled statement" as a placeholder).
  expect(document.title).toBe('')
  expect(isValidDocId(document.id)).toBe(true)
  expect(document.deletedAt).toBeNull()
  expect(new Date(document.createdAt).toISOString()).toBe(document.createdAt)

  const named = (await (await requestJson(app, 'POST', '/api/docs', { title: '  Open letter  ' })).json()) as One
  expect(named.document.title).toBe('Open letter')

  const list = (await (await app.request('/api/docs')).json()) as Many
  expect(list.documents.map((d) => d.id).sort()).toEqual([document.id, named.document.id].sort())

  const fetched = await app.request(`/api/docs/${document.id}`)
  expect(fetched.status).toBe(200)
  expect(((await fetched.json()) as One).document).toEqual(document)

  const renamed = await requestJson(app, 'PATCH', `/api/docs/${document.id}`, { title: 'Joint statement' })
  expect(renamed.status).toBe(200)
  expect(((await renamed.json()) as One).document.title).toBe('Joint statement')
  expect(((await (await app.request(`/api/docs/${document.id}`)).json()) as One).document.title).toBe('Joint statement')

  // Clearing the title makes the statement untitled again; spaces alone are no title.
  const cleared = await requestJson(app, 'PATCH', `/api/docs/${document.id}`, { title: '   ' })
  expect(cleared.status).toBe(200)
  expect(((await cleared.json()) as One).document.title).toBe('')

  // Purging is only allowed from the trash.
  const tooEarly = await app.request(`/api/docs/${document.id}?permanent=true`, { method: 'DELETE' })
  expect(tooEarly.status).toBe(409)
  expect(((await tooEarly.json()) as { error: { code: string } }).error.code).toBe('not_in_trash')

  const trashed = await app.request(`/api/docs/${document.id}`, { method: 'DELETE' })
  expect(trashed.status).toBe(200)
  expect(((await trashed.json()) as One).document.deletedAt).not.toBeNull()
  const ids = async (query: string) => ((await (await app.request(`/api/docs${query}`)).json()) as Many).documents.map((d) => d.id)
  expect(await ids('')).toEqual([named.document.id])
  expect(await ids('?trashed=true')).toEqual([document.id])

  const restored = await app.request(`/api/docs/${document.id}/restore`, { method: 'POST' })
  expect(restored.status).toBe(200)
  expect(((await restored.json()) as One).document.deletedAt).toBeNull()
  expect(await ids('?trashed=true')).toEqual([])
  expect((await ids('')).sort()).toEqual([document.id, named.document.id].sort())

  await app.request(`/api/docs/${document.id}`, { method: 'DELETE' })
  const purged = await app.request(`/api/docs/${document.id}?permanent=true`, { method: 'DELETE' })
  expect(purged.status).toBe(200)
  expect(await purged.json()).toEqual({ deleted: document.id })
  expect((await app.request(`/api/docs/${document.id}`)).status).toBe(404)
  expect(await ids('?trashed=true')).toEqual([])
})

test('GET /api/health answers with the live counts', async () => {
  const { app } = createTestApp()
  const response = await app.request('/api/health')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ ok: true, rooms: 0, connections: 0 })
})
