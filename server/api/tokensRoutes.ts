import { Hono, type Context } from 'hono'
import { CreateTokenBody, type NewTokenResponse, type TokenInfo } from '../../shared/authApiTypes.js'
import type { Accounts } from '../auth/Accounts.js'
import type { Principal } from '../auth/principal.js'
import type { TokenRecord } from '../auth/AccountStore.js'
import { ApiError } from './ApiError.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { isoTime, isoTimeOrNull } from './userInfo.js'
import { readJsonBody } from './validation.js'

const toTokenInfo = (token: TokenRecord): TokenInfo => ({
  id: token.id,
  name: token.name,
  createdAt: isoTime(token.createdAt),
  lastUsedAt: isoTimeOrNull(token.lastUsedAt),
})

/**
 * Tokens are managed from a signed-in session only: a token that could mint tokens would outlive its own
 * revocation.
 */
function requireSession(c: Context<AppEnv>): Principal {
  const principal = requirePrincipal(c)
  if (principal.credential.kind !== 'session') {
    throw new ApiError(403, 'session_required', 'Access tokens are created, listed and revoked from a signed-in browser session, not with a token.')
  }
  return principal
}

/** `/api/tokens`: personal access tokens (`Authorization: Bearer <token>`), each shown once. */
export function tokensRoutes(accounts: Accounts): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.post('/', async (c) => {
    const principal = requireSession(c)
    const { name } = await readJsonBody(c, CreateTokenBody)
    const { token, secret } = await accounts.createToken(principal.userId, name)
    const created: NewTokenResponse = { ...toTokenInfo(token), token: secret }
    c.header('cache-control', 'no-store')
    return c.json(created, 201)
  })

  routes.get('/', async (c) => {
    const principal = requireSession(c)
    return c.json({ tokens: (await accounts.store.listTokens(principal.userId)).map(toTokenInfo) })
  })

  routes.delete('/:id', async (c) => {
    const principal = requireSession(c)
    const id = c.req.param('id')
    if (!(await accounts.revokeToken(principal.userId, id))) throw new ApiError(404, 'token_not_found', 'You have no access token with this id.')
    return c.json({ revoked: id })
  })

  return routes
}
