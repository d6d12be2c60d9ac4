import { Hono } from 'hono'
import { z } from 'zod'
import type { SourceLookupResult } from '../../shared/apiTypes.js'
import type { SecuritySettings } from '../config.js'
import { itemFromPage } from '../lookup/lookupItem.js'
import { readPageMetadata } from '../lookup/pageMetadata.js'
import { fetchPage } from '../lookup/safeFetch.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { readJsonBody } from './validation.js'

const LookupBody = z.strictObject({ url: z.string({ error: 'url must be text' }).min(1, { error: 'url is required' }) })

/**
 * `POST /api/sources/lookup` `{ url }`: reads a page's citation metadata into a CSL item that is not saved
 * anywhere; the person reviews it in the source form and saves it (or not). Signed-in people only, since it
 * makes the server fetch on their behalf; it counts against the write rate limit like any POST.
 */
export function lookupRoutes(security: SecuritySettings): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  const limits = {
    timeoutMs: security.fetchTimeoutMs,
    maxBytes: security.fetchMaxBytes,
    maxRedirects: security.fetchMaxRedirects,
    allowLoopback: security.fetchAllowLoopback,
  }

  routes.post('/lookup', async (c) => {
    requirePrincipal(c)
    const { url } = await readJsonBody(c, LookupBody)
    const page = await fetchPage(url, limits)
    const today = new Date().toISOString().slice(0, 10)
    const result: SourceLookupResult = { item: itemFromPage(url, page.url, readPageMetadata(page.html), today) }
    c.header('cache-control', 'no-store')
    return c.json(result)
  })

  return routes
}
