import type { Context } from 'hono'
import { DOC_ID_RULE } from '../../shared/docId.js'
import type { DocumentPolicy } from '../auth/DocumentPolicy.js'
import type { DocumentAction, Role } from '../auth/roles.js'
import type { DocumentRecord } from '../storage/Storage.js'
import { ApiError } from './ApiError.js'
import type { AppEnv } from './appEnv.js'
import { signInRequired } from './authMiddleware.js'

const ACTION_WORDS: Record<DocumentAction, string> = {
  read: 'open it',
  edit: 'change its content or sources',
  rename: 'rename it',
  trash: 'move it to the trash, restore or delete it',
  share: 'manage its members and share links',
}

function forbiddenMessage(role: Role, action: DocumentAction): string {
  const who = role === 'viewer' ? 'a viewer' : role === 'editor' ? 'an editor' : 'an owner'
  const rule = action === 'share' || action === 'trash' ? `only its owners may ${ACTION_WORDS[action]}` : `viewers can read it but not ${ACTION_WORDS[action]}`
  return `You are ${who} of this document: ${rule}.`
}

/**
 * Asks the access policy whether the signed-in person may do `action` to document `id`, and turns a refusal
 * into the API's answer: 401 without valid credentials, 400 for an invalid id, 404 when the document does not
 * exist or the person has no role on it (its existence is not revealed), 403 when their role does not allow it.
 */
export async function requireDocumentAccess(
  c: Context<AppEnv>,
  policy: DocumentPolicy,
  id: string,
  action: DocumentAction,
): Promise<{ record: DocumentRecord; role: Role }> {
  const verdict = await policy.check(c.get('principal'), id, action)
  if (verdict.allowed) return verdict
  switch (verdict.reason) {
    case 'signedOut':
      throw signInRequired(c)
    case 'invalidId':
      throw new ApiError(400, 'invalid_doc_id', `"${id}" is not a valid document id (${DOC_ID_RULE}).`)
    case 'notFound':
      throw new ApiError(404, 'document_not_found', `No document with id "${id}" exists.`)
    case 'forbidden':
      throw new ApiError(403, 'forbidden', forbiddenMessage(verdict.role, action))
  }
}

/** `requireDocumentAccess`, and the document must not be in the trash (410 otherwise). */
export async function requireLiveDocumentAccess(
  c: Context<AppEnv>,
  policy: DocumentPolicy,
  id: string,
  action: DocumentAction,
  purpose: string,
): Promise<{ record: DocumentRecord; role: Role }> {
  const access = await requireDocumentAccess(c, policy, id, action)
  if (access.record.deletedAt !== null) {
    throw new ApiError(410, 'document_in_trash', `Document "${id}" is in the trash. Restore it to ${purpose}.`)
  }
  return access
}
