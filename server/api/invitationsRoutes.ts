import { Hono, type Context } from 'hono'
import { CreateInvitationBody, type InvitationInfo, type NewInvitationResponse } from '../../shared/authApiTypes.js'
import type { Accounts } from '../auth/Accounts.js'
import type { InvitationRecord } from '../auth/AccountStore.js'
import type { Principal } from '../auth/principal.js'
import type { SiteOrigins } from '../http/SiteOrigins.js'
import { ApiError } from './ApiError.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { isoTime, isoTimeOrNull } from './userInfo.js'
import { readJsonBody } from './validation.js'

/** The sign-up page; an invitation link is this path with `?invitation=<secret>`. */
export const SIGNUP_PATH = '/signup'

const toInvitationInfo = (invitation: InvitationRecord): InvitationInfo => ({
  id: invitation.id,
  email: invitation.email,
  createdAt: isoTime(invitation.createdAt),
  expiresAt: isoTime(invitation.expiresAt),
  usedAt: isoTimeOrNull(invitation.usedAt),
})

function requireAdmin(c: Context<AppEnv>): Principal {
  const principal = requirePrincipal(c)
  if (!principal.isAdmin) throw new ApiError(403, 'admin_only', 'Only an admin can manage invitations.')
  return principal
}

/** `/api/invitations` (admins): invitation links that let one person sign up when sign-up is not open. */
export function invitationsRoutes(accounts: Accounts, site: SiteOrigins): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.post('/', async (c) => {
    const admin = requireAdmin(c)
    const { email } = await readJsonBody(c, CreateInvitationBody)
    const { invitation, secret } = await accounts.createInvitation(admin.userId, email ?? null)
    const created: NewInvitationResponse = {
      ...toInvitationInfo(invitation),
      invitation: secret,
      url: `${site.primary}${SIGNUP_PATH}?invitation=${encodeURIComponent(secret)}`,
    }
    c.header('cache-control', 'no-store')
    return c.json(created, 201)
  })

  routes.get('/', async (c) => {
    requireAdmin(c)
    return c.json({ invitations: (await accounts.store.listInvitations()).map(toInvitationInfo) })
  })

  routes.delete('/:id', async (c) => {
    requireAdmin(c)
    const id = c.req.param('id')
    if (!(await accounts.store.deleteInvitation(id))) throw new ApiError(404, 'invitation_not_found', 'There is no invitation with this id.')
    return c.json({ withdrawn: id })
  })

  return routes
}
