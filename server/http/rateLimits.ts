import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../api/ApiError.js'
import type { AppEnv } from '../api/appEnv.js'
import { clientAddress } from './clientAddress.js'
import type { RateLimiterFactory } from './RateLimiter.js'
import { isSafeMethod } from './requestGuards.js'

export interface HttpRateLimits {
  writesPerMinute: number
  readsPerMinute: number
  trustProxy: boolean
}

/**
 * Per-minute request limits on the API, counted per account (per address for requests without one), with
 * separate budgets for requests that change something and requests that only read. Over the limit: 429 with
 * `Retry-After`.
 */
export function apiRateLimits(limits: HttpRateLimits, makeLimiter: RateLimiterFactory): MiddlewareHandler<AppEnv> {
  const writes = makeLimiter({ points: limits.writesPerMinute, durationSeconds: 60 })
  const reads = makeLimiter({ points: limits.readsPerMinute, durationSeconds: 60 })
  return async (c, next) => {
    const principal = c.get('principal')
    const key = principal ? `user:${principal.userId}` : `address:${clientAddress(c, limits.trustProxy)}`
    const verdict = await (isSafeMethod(c.req.method) ? reads : writes).consume(key)
    if (!verdict.allowed) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))
      c.header('retry-after', String(seconds))
      throw new ApiError(429, 'too_many_requests', `Too many requests. Try again in ${seconds} seconds.`)
    }
    await next()
  }
}
