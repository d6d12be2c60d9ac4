import { parse } from 'hono/utils/cookie'
import type { PresentedCredentials } from './Accounts.js'

/** The session cookie's name. */
export const SESSION_COOKIE = 'caucus_session'

/** The credentials in a request's headers: `Authorization: Bearer <token>` and the session cookie. */
export function presentedCredentials(headers: Headers): PresentedCredentials {
  const presented: PresentedCredentials = {}
  const authorization = headers.get('authorization')
  if (authorization !== null) {
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization)
    // A malformed Authorization header is invalid credentials, not "no credentials".
    presented.bearer = match?.[1] ?? ''
  }
  const cookie = headers.get('cookie')
  if (cookie) {
    const secret = parse(cookie, SESSION_COOKIE)[SESSION_COOKIE]
    if (secret !== undefined) presented.sessionSecret = secret
  }
  return presented
}
