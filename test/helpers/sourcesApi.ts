import { expect } from 'vitest'
import type { SourcesImportResult } from '../../shared/apiTypes.js'
import type { CslItem } from '../../shared/sources/index.js'
import { apiFetch } from './testAuth.js'

/** `GET /api/docs/:id/sources` on a running server; fails the test unless it answers 200 with an array. */
export async function getSources(url: string, docId: string): Promise<CslItem[]> {
  const response = await apiFetch(`${url}/api/docs/${docId}/sources`)
  expect(response.status, await response.clone().text()).toBe(200)
  const items = (await response.json()) as CslItem[]
  expect(Array.isArray(items)).toBe(true)
  return items
}

/** `POST /api/docs/:id/sources` on a running server; `body` is sent verbatim when it is a string. */
export function postSources(url: string, docId: string, body: unknown): Promise<Response> {
  return apiFetch(`${url}/api/docs/${docId}/sources`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Imports `items` and returns the answer; fails the test unless it is a 201. */
export async function importOk(url: string, docId: string, items: unknown[]): Promise<SourcesImportResult> {
  const response = await postSources(url, docId, items)
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as SourcesImportResult
}

/** Sorted by id, as `GET …/sources` and `readSources` list them. */
export const byId = (items: CslItem[]): CslItem[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
