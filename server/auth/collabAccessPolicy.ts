import { colourForUser } from '../../shared/userColour.js'
import type { AccessDecision, AccessPolicy, CollabPrincipal } from '../collab/access.js'
import type { SiteOrigins } from '../http/SiteOrigins.js'
import type { Accounts } from './Accounts.js'
import type { DocumentPolicy } from './DocumentPolicy.js'
import type { Principal } from './principal.js'
import { presentedCredentials } from './requestCredentials.js'
import { roleAllows } from './roles.js'

/**
 * The websocket's access policy: the same checks as HTTP, in the same order. A request from another site or
 * for another host is `forbidden` (4403); no or invalid credentials `unauthorized` (4401); no role on the
 * document `documentNotFound` (4404, as for a document that does not exist); a viewer gets `read` access.
 */
export function collabAccessPolicy(accounts: Accounts, policy: DocumentPolicy, site: SiteOrigins): AccessPolicy {
  const decideFor = async (principal: Principal | null, docId: string): Promise<AccessDecision> => {
    const verdict = await policy.check(principal, docId, 'read')
    if (!verdict.allowed) {
      if (verdict.reason === 'signedOut') return { allow: false, close: 'unauthorized' }
      if (verdict.reason === 'invalidId') return { allow: false, close: 'invalidDocId' }
      return { allow: false, close: 'documentNotFound' }
    }
    if (verdict.record.deletedAt !== null) return { allow: false, close: 'documentDeleted' }
    return { allow: true, access: roleAllows(verdict.role, 'edit') ? 'write' : 'read', role: verdict.role, principal: collabPrincipal(principal!) }
  }

  return {
    decide: async ({ docId, headers }) => {
      const host = headers.get('host')
      if (!host || !site.isAllowedHost(host)) return { allow: false, close: 'forbidden' }
      // Browsers always send Origin on a websocket; scripts (with a token) may leave it out.
      const origin = headers.get('origin')
      if (origin !== null && !site.isAllowedOrigin(origin)) return { allow: false, close: 'forbidden' }
      const { principal } = await accounts.authenticate(presentedCredentials(headers))
      return decideFor(principal, docId)
    },
    recheck: async (docId, connected) => {
      if (!(await accounts.store.isCredentialActive(connected.credential, Date.now()))) return { allow: false, close: 'unauthorized' }
      const user = await accounts.store.getUser(connected.userId)
      if (!user) return { allow: false, close: 'unauthorized' }
      return decideFor({ userId: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, credential: connected.credential }, docId)
    },
  }
}

function collabPrincipal(principal: Principal): CollabPrincipal {
  return { userId: principal.userId, name: principal.name, colour: colourForUser(principal.userId), credential: principal.credential }
}
