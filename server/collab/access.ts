import type { CloseCodeName } from '../../shared/closeCodes.js'
import { isValidDocId } from '../../shared/docId.js'
import type { Storage } from '../storage/Storage.js'

export type Access = 'read' | 'write'

export type AccessDecision = { allow: true; access: Access } | { allow: false; close: CloseCodeName }

export interface AccessRequest {
  docId: string
  headers: Headers
}

/**
 * The single place where the server decides who may open a document and whether they may write, before the
 * websocket is accepted and before any byte is sent. Accounts and roles plug in by replacing this function.
 */
export type AccessPolicy = (request: AccessRequest) => Promise<AccessDecision>

/** Anyone may edit any existing document that is not in the trash. */
export function openAccessPolicy(storage: Storage): AccessPolicy {
  return async ({ docId }) => {
    if (!isValidDocId(docId)) return { allow: false, close: 'invalidDocId' }
    const record = await storage.getDocument(docId)
    if (!record) return { allow: false, close: 'documentNotFound' }
    if (record.deletedAt !== null) return { allow: false, close: 'documentDeleted' }
    return { allow: true, access: 'write' }
  }
}
