import type { DocumentRole } from '../../shared/apiTypes.js'
import type { CloseCodeName } from '../../shared/closeCodes.js'

export type Access = 'read' | 'write'

/** Who is on the other end of a connection, as decided by the server (never taken from the client). */
export interface CollabPrincipal {
  userId: string
  /** The account's name: what presence shows. */
  name: string
  /** The account's colour (derived from its id). */
  colour: string
  /** Which session or access token opened the connection: revoking it closes the connection. */
  credential: { kind: 'session' | 'token'; id: string }
}

export type AccessDecision =
  | { allow: true; access: Access; principal: CollabPrincipal; role?: DocumentRole }
  | { allow: false; close: CloseCodeName }

export interface AccessRequest {
  docId: string
  headers: Headers
}

/**
 * Who may open a document and whether they may write, decided before the websocket is accepted and before
 * any byte is sent, and decided again for open connections when access changes (a member removed, a role
 * lowered, a link, token or sign-in revoked). The implementation is `server/auth/collabAccessPolicy.ts`,
 * which asks the server's one document access policy.
 */
export interface AccessPolicy {
  decide(request: AccessRequest): Promise<AccessDecision>
  /** The decision now for a connection already open with these credentials. */
  recheck(docId: string, principal: CollabPrincipal): Promise<AccessDecision>
}
