import type { SourceLookupResult } from '../../shared/apiTypes.js'
import type { CslItem } from '../../shared/sources/index.js'
import { request } from '../api.js'

/** Asks the server to read a page's citation data; the item is a draft, saved only from the form. */
export async function lookUpLink(url: string): Promise<CslItem> {
  const result = await request<SourceLookupResult>('/api/sources/lookup', { method: 'POST', body: JSON.stringify({ url }) })
  return result.item
}
