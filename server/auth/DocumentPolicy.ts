import { isValidDocId } from '../../shared/docId.js'
import type { DocumentRecord, Storage } from '../storage/Storage.js'
import type { AccountStore } from './AccountStore.js'
import type { Principal } from './principal.js'
import { roleAllows, type DocumentAction, type Role } from './roles.js'

/**
 * The answer to "may this principal do this to this document?".
 * - `signedOut`: no valid credentials.
 * - `invalidId`: the id breaks the document-id rule (nothing to look up).
 * - `notFound`: no such document, or the person has no role on it (the two are not told apart).
 * - `forbidden`: they have a role, and it does not allow this action.
 */
export type DocumentVerdict =
  | { allowed: true; record: DocumentRecord; role: Role }
  | { allowed: false; reason: 'signedOut' | 'invalidId' | 'notFound' }
  | { allowed: false; reason: 'forbidden'; record: DocumentRecord; role: Role }

/**
 * The one access policy. Every entry point asks it: the HTTP routes (server/api/documentAccess.ts), the
 * websocket upgrade and the re-checks of open connections (collabAccessPolicy.ts), the statement page.
 * Whether the document is in the trash is the caller's concern (the answer carries the record).
 */
export class DocumentPolicy {
  constructor(
    private readonly storage: Storage,
    private readonly accounts: AccountStore,
  ) {}

  async check(principal: Principal | null, docId: string, action: DocumentAction): Promise<DocumentVerdict> {
    if (!principal) return { allowed: false, reason: 'signedOut' }
    if (!isValidDocId(docId)) return { allowed: false, reason: 'invalidId' }
    const role = await this.accounts.roleOf(docId, principal.userId)
    if (!role) return { allowed: false, reason: 'notFound' }
    const record = await this.storage.getDocument(docId)
    if (!record) return { allowed: false, reason: 'notFound' }
    if (!roleAllows(role, action)) return { allowed: false, reason: 'forbidden', record, role }
    return { allowed: true, record, role }
  }
}
