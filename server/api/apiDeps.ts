import type { Accounts } from '../auth/Accounts.js'
import type { DocumentPolicy } from '../auth/DocumentPolicy.js'
import type { CollabServer } from '../collab/CollabServer.js'
import type { SiteOrigins } from '../http/SiteOrigins.js'
import type { Storage } from '../storage/Storage.js'

/** What the API routes are built from. */
export interface ApiDeps {
  storage: Storage
  collab: CollabServer
  accounts: Accounts
  policy: DocumentPolicy
  site: SiteOrigins
}
