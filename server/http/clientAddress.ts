import type { Context } from 'hono'

/**
 * The address a request came from, for per-address limits. Behind a reverse proxy (`CAUCUS_TRUST_PROXY`) it is
 * the last `X-Forwarded-For` entry: the one the proxy itself added, which a client cannot forge.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'unknown'
}
