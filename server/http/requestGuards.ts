import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../api/ApiError.js'
import { SESSION_COOKIE } from '../auth/requestCredentials.js'
import type { SiteOrigins } from './SiteOrigins.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const isSafeMethod = (method: string): boolean => SAFE_METHODS.has(method)

/** Paths reached by address (health and readiness probes, the metrics scraper): see `hostGuard`. */
const PROBE_PATHS = new Set(['/api/health', '/api/ready', '/metrics'])

/**
 * DNS rebinding: a page on `attacker.example` whose name is made to point at this server reaches it with
 * `Host: attacker.example`. Only the configured origins' hosts are answered (the probes and metrics excepted, for
 * load balancers and scrapers that reach the process by address; none of them answers with anything private).
 */
export function hostGuard(site: SiteOrigins): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host
    if (!site.isAllowedHost(host) && !PROBE_PATHS.has(c.req.path)) {
      throw new ApiError(421, 'unknown_host', 'This server does not answer for that host name. Use its configured address (CAUCUS_ORIGIN).')
    }
    await next()
  }
}

/**
 * Cross-site requests. A request naming a foreign `Origin` is refused whatever its method (browsers send
 * `Origin` on cross-origin fetches; links and navigations from elsewhere carry none, so they still work). A
 * request that changes something is also refused when the browser marks it `Sec-Fetch-Site: cross-site`, or
 * when it relies on the session cookie without naming its origin (browsers always name it on these methods).
 * A script with a bearer token and no `Origin` is not a browser acting on someone's behalf, so it passes.
 * `hono/csrf` is not used: it only looks at form-encoded bodies, and JSON bodies with a cookie must be checked
 * too.
 */
export function originGuard(site: SiteOrigins): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin !== undefined && !site.isAllowedOrigin(origin)) {
      throw new ApiError(403, 'cross_site_request', `Requests from ${origin} are not accepted. Use Caucus from its own address.`)
    }
    if (!isSafeMethod(c.req.method)) {
      if (c.req.header('sec-fetch-site') === 'cross-site') {
        throw new ApiError(403, 'cross_site_request', 'Requests from other sites are not accepted. Use Caucus from its own address.')
      }
      const usesCookie = !c.req.header('authorization') && (c.req.header('cookie') ?? '').includes(`${SESSION_COOKIE}=`)
      if (origin === undefined && usesCookie) {
        throw new ApiError(403, 'origin_required', 'A signed-in request that changes something must say which site it comes from (Origin header).')
      }
    }
    await next()
  }
}

const JSON_TYPE = /^application\/json\s*(;|$)/i

/**
 * Requests that change something send JSON or nothing: a form or `text/plain` body (what a cross-site form
 * can send without asking) is refused before it is read.
 */
export function jsonBodiesOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!isSafeMethod(c.req.method)) {
      const type = c.req.header('content-type')
      const hasBody = c.req.header('transfer-encoding') !== undefined || Number(c.req.header('content-length') ?? 0) > 0
      if ((type !== undefined && !JSON_TYPE.test(type)) || (type === undefined && hasBody)) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the request body as JSON (content-type: application/json).')
      }
    }
    await next()
  }
}
