import type { VersionAuthor, VersionKind, VersionRecord, VoteChoice, VoteRecord } from './VersionStore.js'

/**
 * A `doc_versions` row as both engines return it (without the content columns). PostgreSQL hands BIGINT over as a
 * string; `state_bytes` is computed by the query.
 */
export interface VersionRow {
  doc_id: string
  number: number | string
  name: string | null
  kind: VersionKind
  title: string
  created_at: number | string
  created_by_id: string | null
  created_by_name: string | null
  editors: string
  restored_from: number | string | null
  proposed_at: number | string | null
  proposed_by_id: string | null
  proposed_by_name: string | null
  content_hash: string | null
  state_bytes: number | string
}

/** The columns of a VersionRow, for SELECT lists (`state_bytes` named by each engine's length function). */
export const VERSION_COLUMNS =
  'doc_id, number, name, kind, title, created_at, created_by_id, created_by_name, editors, restored_from, proposed_at, proposed_by_id, proposed_by_name, content_hash'

export interface VoteRow {
  doc_id: string
  number: number | string
  user_id: string
  user_name: string
  vote: VoteChoice
  comment: string | null
  voted_at: number | string
}

const author = (id: string | null, name: string | null): VersionAuthor | null => (id === null ? null : { userId: id, name: name ?? '' })

export function toVersionRecord(row: VersionRow): VersionRecord {
  return {
    docId: row.doc_id,
    number: Number(row.number),
    name: row.name,
    kind: row.kind,
    title: row.title,
    createdAt: Number(row.created_at),
    createdBy: author(row.created_by_id, row.created_by_name),
    editors: JSON.parse(row.editors) as VersionAuthor[],
    restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
    proposal:
      row.proposed_at === null
        ? null
        : { proposedAt: Number(row.proposed_at), proposedBy: author(row.proposed_by_id, row.proposed_by_name)!, contentHash: row.content_hash! },
    stateBytes: Number(row.state_bytes),
  }
}

export function toVoteRecord(row: VoteRow): VoteRecord {
  return {
    docId: row.doc_id,
    number: Number(row.number),
    voter: { userId: row.user_id, name: row.user_name },
    vote: row.vote,
    comment: row.comment,
    votedAt: Number(row.voted_at),
  }
}
