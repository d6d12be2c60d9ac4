import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../api/ApiError.js'

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
const size = (bytes: number) => (bytes >= 1024 * 1024 ? megabytes(bytes) : `${Math.round(bytes / 1024)} KB`)

/**
 * A body limit on every route: a request larger than allowed is refused (413) before its body is read, and a
 * body sent without a length is cut off as soon as it passes the limit. The sources import has its own.
 */
export function bodyLimits(limits: { maxBodyBytes: number; maxImportBytes: number }): MiddlewareHandler {
  const general = bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `A request body may be at most ${size(limits.maxBodyBytes)}.`)
    },
  })
  const imports = bodyLimit({
    maxSize: limits.maxImportBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `An import may be at most ${size(limits.maxImportBytes)}; split the file and import the parts.`)
    },
  })
  return (c, next) => (c.req.method === 'POST' && /^\/api\/docs\/[^/]+\/sources$/.test(c.req.path) ? imports(c, next) : general(c, next))
}
