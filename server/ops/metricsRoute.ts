import type { Context } from 'hono'
import { clientAddress } from '../http/clientAddress.js'
import { isAllowedAddress, parseAllowList } from './addressAllowList.js'
import type { CollabMetrics } from './CollabMetrics.js'

/**
 * `GET /metrics` in Prometheus text format, for operators: no session is asked for, the caller's address must be
 * in `allow` instead (read from `X-Forwarded-For` only when the server trusts its proxy).
 */
export function metricsHandler(metrics: CollabMetrics, allow: string[], trustProxy: boolean) {
  const ranges = parseAllowList(allow)
  return async (c: Context) => {
    if (!isAllowedAddress(clientAddress(c, trustProxy), ranges)) {
      return c.json({ error: { code: 'forbidden', message: 'Metrics are only served to the addresses in CAUCUS_METRICS_ALLOW.' } }, 403)
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType })
  }
}
