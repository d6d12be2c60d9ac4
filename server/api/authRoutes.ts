import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { LoginBody, SignupBody, type MeResponse, type SetupInfo } from '../../shared/authApiTypes.js'
import type { Accounts, NewSession } from '../auth/Accounts.js'
import type { LoginThrottle } from '../auth/LoginThrottle.js'
import { SESSION_COOKIE } from '../auth/requestCredentials.js'
import { clientAddress } from '../http/clientAddress.js'
import type { SiteOrigins } from '../http/SiteOrigins.js'
import { ApiError } from './ApiError.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { toUserInfo } from './userInfo.js'
import { readJsonBody } from './validation.js'

export interface AuthRoutesOptions {
  accounts: Accounts
  throttle: LoginThrottle
  site: SiteOrigins
  trustProxy: boolean
}

/** `/api/auth/*` and `/api/me`: sign-up, sign-in, sign-out, who am I. */
export function authRoutes({ accounts, throttle, site, trustProxy }: AuthRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  // httpOnly: scripts never see it; SameSite=Lax: other sites' requests do not carry it (except top-level
  // navigations, which change nothing); Secure whenever the server is reached over https.
  const setSessionCookie = (c: Context<AppEnv>, { secret, session }: NewSession) =>
    setCookie(c, SESSION_COOKIE, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: site.isHttps || new URL(c.req.url).protocol === 'https:',
      expires: new Date(session.expiresAt),
    })

  const setup = async (): Promise<SetupInfo> => ({ firstAccountNeeded: await accounts.firstAccountNeeded(), signupOpen: accounts.signupOpen })

  routes.get('/auth/setup', async (c) => c.json(await setup()))

  routes.post('/auth/signup', async (c) => {
    const body = await readJsonBody(c, SignupBody)
    const outcome = await accounts.signUp(body)
    if (!outcome.ok) {
      if (outcome.reason === 'email_taken') throw new ApiError(409, 'email_taken', 'An account with this email already exists. Sign in instead.')
      if (outcome.reason === 'invitation_required') {
        throw new ApiError(403, 'invitation_required', 'Signing up on this server needs an invitation link from an admin.')
      }
      throw new ApiError(403, 'invitation_invalid', 'This invitation is not valid: it was used, has expired, was withdrawn, or is for another email address.')
    }
    setSessionCookie(c, outcome.session)
    return c.json({ user: toUserInfo(outcome.user), first: outcome.first }, 201)
  })

  routes.post('/auth/login', async (c) => {
    const { email, password } = await readJsonBody(c, LoginBody)
    const address = clientAddress(c, trustProxy)
    const verdict = await throttle.check(email, address)
    if (!verdict.allowed) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))
      c.header('retry-after', String(seconds))
      throw new ApiError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`)
    }
    const user = await accounts.verifyLogin(email, password)
    if (!user) {
      await throttle.failed(email, address)
      throw new ApiError(401, 'invalid_credentials', 'The email or password is not right.')
    }
    await throttle.succeeded(email)
    setSessionCookie(c, await accounts.startSession(user.id))
    return c.json({ user: toUserInfo(user) })
  })

  routes.post('/auth/logout', async (c) => {
    const principal = requirePrincipal(c)
    await accounts.endSession(principal)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ signedOut: true })
  })

  routes.get('/me', async (c) => {
    const principal = c.get('principal')
    if (!principal) {
      // On a fresh install the client offers "Create the first account" instead of a sign-in form.
      if (await accounts.firstAccountNeeded()) throw new ApiError(401, 'first_account_needed', 'No account exists yet: create the first account.')
      requirePrincipal(c)
    }
    const { userId, email, name, isAdmin, credential } = principal!
    const me: MeResponse = { ...(await setup()), user: toUserInfo({ id: userId, email, name, isAdmin }), via: credential.kind }
    return c.json(me)
  })

  return routes
}
