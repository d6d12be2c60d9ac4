import type { Context, MiddlewareHandler } from 'hono'
import type { Accounts } from '../auth/Accounts.js'
import type { Principal } from '../auth/principal.js'
import { presentedCredentials } from '../auth/requestCredentials.js'
import { ApiError } from './ApiError.js'
import type { AppEnv } from './appEnv.js'

/** Reads the request's credentials (bearer token or session cookie) into `principal`; refuses nothing itself. */
export function authenticate(accounts: Accounts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const result = await accounts.authenticate(presentedCredentials(c.req.raw.headers))
    c.set('principal', result.principal)
    c.set('credentialsInvalid', result.principal === null && result.invalid)
    await next()
  }
}

/** The 401 every route answers without valid credentials. */
export function signInRequired(c: Context<AppEnv>): ApiError {
  return c.get('credentialsInvalid')
    ? new ApiError(401, 'unauthorized', 'Your sign-in has expired or was revoked. Sign in again.')
    : new ApiError(401, 'unauthorized', 'Sign in to continue.')
}

/** The signed-in person, or the 401. */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal')
  if (!principal) throw signInRequired(c)
  return principal
}

/** Refuses every request without valid credentials on the routes it guards. */
export function signedInOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requirePrincipal(c)
    await next()
  }
}
