import { adoptionStatus, type AdoptionStatus } from '../../shared/adoption/adoptionStatus.js'
import type { Storage } from '../storage/Storage.js'
import type { VersionRecord, VoteRecord } from '../storage/VersionStore.js'

/** A proposed version with its votes and where it stands. */
export interface Adoption {
  record: VersionRecord
  votes: VoteRecord[]
  status: AdoptionStatus
}

/** The adoption state of a version (null when it was never proposed). */
export async function adoptionOf(storage: Storage, record: VersionRecord): Promise<Adoption | null> {
  if (!record.proposal) return null
  const votes = await storage.versions.votes(record.docId, record.number)
  return { record, votes, status: adoptionStatus(votes) }
}

/** The document's latest proposed version, with its votes (null when none was proposed). */
export async function latestAdoption(storage: Storage, docId: string): Promise<Adoption | null> {
  // Proposals are few and versions carry no content in a listing; a page at a time keeps memory flat.
  let before: number | undefined
  for (;;) {
    const page = await storage.versions.list(docId, { limit: 500, before })
    const proposed = page.find((version) => version.kind === 'proposed')
    if (proposed) return adoptionOf(storage, proposed)
    if (page.length < 500) return null
    before = page.at(-1)!.number
  }
}
