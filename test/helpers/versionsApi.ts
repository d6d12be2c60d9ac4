import type { AdoptionAnswer, AdoptionInfo, RestoreAnswer, VersionContentAnswer, VersionDiffAnswer, VersionInfo, VersionsPage } from '../../shared/versions/versionApi.js'
import { apiFetch, type AuthOption } from './testAuth.js'

/** A JSON request to the API as `auth` (the default test user unless given); the status and the parsed body. */
export async function callApi<T = unknown>(url: string, method: string, path: string, body?: unknown, auth?: AuthOption): Promise<{ status: number; body: T }> {
  const response = await apiFetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    auth,
  })
  const text = await response.text()
  return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T }
}

/** The same, failing unless the answer has `status`. */
async function expectStatus<T>(status: number, url: string, method: string, path: string, body?: unknown, auth?: AuthOption): Promise<T> {
  const answer = await callApi<T>(url, method, path, body, auth)
  if (answer.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body
}

export const nameVersion = async (url: string, docId: string, name: string, auth?: AuthOption): Promise<VersionInfo> =>
  (await expectStatus<{ version: VersionInfo }>(201, url, 'POST', `/api/docs/${docId}/versions`, { name }, auth)).version

export const listVersions = async (url: string, docId: string, query = ''): Promise<VersionsPage> => expectStatus<VersionsPage>(200, url, 'GET', `/api/docs/${docId}/versions${query}`)

export const getVersion = (url: string, docId: string, number: number): Promise<VersionContentAnswer> => expectStatus(200, url, 'GET', `/api/docs/${docId}/versions/${number}`)

export const diffVersions = (url: string, docId: string, a: number, b: number): Promise<VersionDiffAnswer> => expectStatus(200, url, 'GET', `/api/docs/${docId}/versions/${a}/diff/${b}`)

export const restoreVersion = (url: string, docId: string, number: number, auth?: AuthOption): Promise<RestoreAnswer> =>
  expectStatus(201, url, 'POST', `/api/docs/${docId}/versions/${number}/restore`, undefined, auth)

export const proposeVersion = async (url: string, docId: string, number: number, name?: string): Promise<AdoptionInfo> =>
  (await expectStatus<{ adoption: AdoptionInfo }>(200, url, 'POST', `/api/docs/${docId}/versions/${number}/propose`, name === undefined ? {} : { name })).adoption

export const vote = async (url: string, docId: string, number: number, choice: 'approve' | 'object', auth?: AuthOption, comment?: string): Promise<AdoptionInfo> =>
  (await expectStatus<{ adoption: AdoptionInfo }>(200, url, 'POST', `/api/docs/${docId}/versions/${number}/votes`, { vote: choice, comment }, auth)).adoption

export const adoptionOf = (url: string, docId: string): Promise<AdoptionAnswer> => expectStatus(200, url, 'GET', `/api/docs/${docId}/adoption`)

/** A version's markdown export, as the exact bytes sent. */
export async function exportVersionBytes(url: string, docId: string, number: number, query = ''): Promise<Buffer> {
  const response = await apiFetch(`${url}/api/docs/${docId}/versions/${number}/export.md${query}`)
  if (response.status !== 200) throw new Error(`version export answered ${response.status}: ${await response.text()}`)
  return Buffer.from(await response.arrayBuffer())
}
