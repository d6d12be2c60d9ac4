import type pg from 'pg'
import { inTransaction } from './pgTransaction.js'
import { toVersionRecord, toVoteRecord, VERSION_COLUMNS, type VersionRow, type VoteRow } from './versionRows.js'
import type { NewVersion, VersionContent, VersionProposal, VersionRecord, VersionStore, VoteRecord } from './VersionStore.js'

const SELECT_VERSION = `SELECT ${VERSION_COLUMNS}, octet_length(state) AS state_bytes FROM doc_versions`

/**
 * The first key of the advisory lock that orders the version history of one document (the second is the
 * document's hash). Two-key locks are a key space apart from the one-key locks appends and compactions take,
 * so taking a version never waits for an append.
 */
const VERSIONS_LOCK = 716_254_017

/** Version history in PostgreSQL (see VersionStore). */
export class PostgresVersionStore implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(docId: string, version: NewVersion, skipIf?: (latestSnapshot: Uint8Array) => boolean): Promise<VersionRecord | null> {
    const number = await inTransaction(this.pool, async (client) => {
      // Held to COMMIT: another process taking a version of this document waits, then sees this one as the latest.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSIONS_LOCK, docId])
      const latest = (
        await client.query<{ number: number; snapshot: Buffer }>('SELECT number, snapshot FROM doc_versions WHERE doc_id = $1 ORDER BY number DESC LIMIT 1', [docId])
      ).rows[0]
      if (latest && skipIf?.(new Uint8Array(latest.snapshot))) return null
      const next = (latest?.number ?? 0) + 1
      await client.query(
        `INSERT INTO doc_versions (doc_id, number, name, kind, title, created_at, created_by_id, created_by_name, editors, restored_from, state, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          docId,
          next,
          version.name,
          version.kind,
          version.title,
          version.now,
          version.createdBy?.userId ?? null,
          version.createdBy?.name ?? null,
          JSON.stringify(version.editors),
          version.restoredFrom,
          Buffer.from(version.state),
          Buffer.from(version.snapshot),
        ],
      )
      return next
    })
    return number === null ? null : ((await this.get(docId, number)) ?? null)
  }

  async list(docId: string, { limit, before }: { limit: number; before?: number }): Promise<VersionRecord[]> {
    const sql = `${SELECT_VERSION} WHERE doc_id = $1 AND number < $2 ORDER BY number DESC LIMIT $3`
    return (await this.pool.query<VersionRow>(sql, [docId, before ?? 2_147_483_647, limit])).rows.map(toVersionRecord)
  }

  async get(docId: string, number: number): Promise<VersionRecord | undefined> {
    const row = (await this.pool.query<VersionRow>(`${SELECT_VERSION} WHERE doc_id = $1 AND number = $2`, [docId, number])).rows[0]
    return row && toVersionRecord(row)
  }

  async content(docId: string, number: number): Promise<VersionContent | undefined> {
    const sql = 'SELECT state, snapshot FROM doc_versions WHERE doc_id = $1 AND number = $2'
    const row = (await this.pool.query<{ state: Buffer; snapshot: Buffer }>(sql, [docId, number])).rows[0]
    return row && { state: new Uint8Array(row.state), snapshot: new Uint8Array(row.snapshot) }
  }

  async propose(docId: string, number: number, proposal: VersionProposal & { name: string }): Promise<VersionRecord | undefined> {
    const { rowCount } = await this.pool.query(
      `UPDATE doc_versions SET kind = 'proposed', name = $3, proposed_at = $4, proposed_by_id = $5, proposed_by_name = $6, content_hash = $7
       WHERE doc_id = $1 AND number = $2 AND kind <> 'proposed'`,
      [docId, number, proposal.name, proposal.proposedAt, proposal.proposedBy.userId, proposal.proposedBy.name, proposal.contentHash],
    )
    return rowCount === 0 ? undefined : this.get(docId, number)
  }

  async setVote(vote: VoteRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO doc_version_votes (doc_id, number, user_id, user_name, vote, comment, voted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (doc_id, number, user_id) DO UPDATE SET user_name = excluded.user_name, vote = excluded.vote, comment = excluded.comment,
         voted_at = excluded.voted_at`,
      [vote.docId, vote.number, vote.voter.userId, vote.voter.name, vote.vote, vote.comment, vote.votedAt],
    )
  }

  async votes(docId: string, number?: number): Promise<VoteRecord[]> {
    const rows =
      number === undefined
        ? (await this.pool.query<VoteRow>('SELECT * FROM doc_version_votes WHERE doc_id = $1 ORDER BY voted_at, user_id', [docId])).rows
        : (await this.pool.query<VoteRow>('SELECT * FROM doc_version_votes WHERE doc_id = $1 AND number = $2 ORDER BY voted_at, user_id', [docId, number])).rows
    return rows.map(toVoteRecord)
  }
}
