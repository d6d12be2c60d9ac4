import type Database from 'better-sqlite3'
import { toVersionRecord, toVoteRecord, VERSION_COLUMNS, type VersionRow, type VoteRow } from './versionRows.js'
import type { NewVersion, VersionContent, VersionProposal, VersionRecord, VersionStore, VoteRecord } from './VersionStore.js'

const SELECT_VERSION = `SELECT ${VERSION_COLUMNS}, length(state) AS state_bytes FROM doc_versions`

/** Version history in the SQLite file (see VersionStore). */
export class SqliteVersionStore implements VersionStore {
  private readonly statements
  private readonly createInTransaction

  constructor(private readonly db: Database.Database) {
    this.statements = {
      latest: db.prepare<[string], { number: number; snapshot: Buffer }>('SELECT number, snapshot FROM doc_versions WHERE doc_id = ? ORDER BY number DESC LIMIT 1'),
      insert: db.prepare(`
        INSERT INTO doc_versions (doc_id, number, name, kind, title, created_at, created_by_id, created_by_name, editors, restored_from, state, snapshot)
        VALUES (@docId, @number, @name, @kind, @title, @now, @createdById, @createdByName, @editors, @restoredFrom, @state, @snapshot)`),
      list: db.prepare<[string, number, number], VersionRow>(`${SELECT_VERSION} WHERE doc_id = ? AND number < ? ORDER BY number DESC LIMIT ?`),
      get: db.prepare<[string, number], VersionRow>(`${SELECT_VERSION} WHERE doc_id = ? AND number = ?`),
      content: db.prepare<[string, number], { state: Buffer; snapshot: Buffer }>('SELECT state, snapshot FROM doc_versions WHERE doc_id = ? AND number = ?'),
      propose: db.prepare(`
        UPDATE doc_versions SET kind = 'proposed', name = @name, proposed_at = @proposedAt, proposed_by_id = @byId, proposed_by_name = @byName,
          content_hash = @contentHash
        WHERE doc_id = @docId AND number = @number AND kind <> 'proposed'`),
      setVote: db.prepare(`
        INSERT INTO doc_version_votes (doc_id, number, user_id, user_name, vote, comment, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (doc_id, number, user_id) DO UPDATE SET user_name = excluded.user_name, vote = excluded.vote, comment = excluded.comment,
          voted_at = excluded.voted_at`),
      votesOf: db.prepare<[string, number], VoteRow>('SELECT * FROM doc_version_votes WHERE doc_id = ? AND number = ? ORDER BY voted_at, user_id'),
      allVotes: db.prepare<[string], VoteRow>('SELECT * FROM doc_version_votes WHERE doc_id = ? ORDER BY voted_at, user_id'),
    }
    const statements = this.statements
    this.createInTransaction = db.transaction((docId: string, version: NewVersion, skipIf?: (latest: Uint8Array) => boolean): number | null => {
      const latest = statements.latest.get(docId)
      if (latest && skipIf?.(new Uint8Array(latest.snapshot))) return null
      const number = (latest?.number ?? 0) + 1
      statements.insert.run({
        docId,
        number,
        name: version.name,
        kind: version.kind,
        title: version.title,
        now: version.now,
        createdById: version.createdBy?.userId ?? null,
        createdByName: version.createdBy?.name ?? null,
        editors: JSON.stringify(version.editors),
        restoredFrom: version.restoredFrom,
        state: version.state,
        snapshot: version.snapshot,
      })
      return number
    })
  }

  async create(docId: string, version: NewVersion, skipIf?: (latestSnapshot: Uint8Array) => boolean): Promise<VersionRecord | null> {
    // IMMEDIATE: the write lock is taken before the latest version is read, so two writers cannot both number theirs N.
    const number = this.createInTransaction.immediate(docId, version, skipIf)
    return number === null ? null : ((await this.get(docId, number)) ?? null)
  }

  async list(docId: string, { limit, before }: { limit: number; before?: number }): Promise<VersionRecord[]> {
    return this.statements.list.all(docId, before ?? Number.MAX_SAFE_INTEGER, limit).map(toVersionRecord)
  }

  async get(docId: string, number: number): Promise<VersionRecord | undefined> {
    const row = this.statements.get.get(docId, number)
    return row && toVersionRecord(row)
  }

  async content(docId: string, number: number): Promise<VersionContent | undefined> {
    const row = this.statements.content.get(docId, number)
    return row && { state: new Uint8Array(row.state), snapshot: new Uint8Array(row.snapshot) }
  }

  async propose(docId: string, number: number, proposal: VersionProposal & { name: string }): Promise<VersionRecord | undefined> {
    const { changes } = this.statements.propose.run({
      docId,
      number,
      name: proposal.name,
      proposedAt: proposal.proposedAt,
      byId: proposal.proposedBy.userId,
      byName: proposal.proposedBy.name,
      contentHash: proposal.contentHash,
    })
    return changes === 0 ? undefined : this.get(docId, number)
  }

  async setVote(vote: VoteRecord): Promise<void> {
    this.statements.setVote.run(vote.docId, vote.number, vote.voter.userId, vote.voter.name, vote.vote, vote.comment, vote.votedAt)
  }

  async votes(docId: string, number?: number): Promise<VoteRecord[]> {
    const rows = number === undefined ? this.statements.allVotes.all(docId) : this.statements.votesOf.all(docId, number)
    return rows.map(toVoteRecord)
  }
}
