import type { ApiErrorBody, SourceLookupResult } from '../../shared/apiTypes.js'
import { apiFetch, type AuthOption } from './testAuth.js'

/** `POST /api/sources/lookup` `{ url }` on a running server (as the default test user unless told otherwise). */
export function postLookup(serverUrl: string, url: unknown, auth?: AuthOption): Promise<Response> {
  return apiFetch(`${serverUrl}/api/sources/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
    auth,
  })
}

/** The lookup's status and body, for tests that expect either an item or an error. */
export async function lookup(serverUrl: string, url: unknown, auth?: AuthOption): Promise<{ status: number; body: SourceLookupResult & ApiErrorBody }> {
  const response = await postLookup(serverUrl, url, auth)
  return { status: response.status, body: (await response.json()) as SourceLookupResult & ApiErrorBody }
}
