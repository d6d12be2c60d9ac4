import pg from 'pg'
import { createLogger, logFunction, type LogFunction } from '../ops/logger.js'
import { foldLogEntries } from './foldLog.js'
import { inTransaction } from './pgTransaction.js'
import { migratePostgres } from './postgresMigrations.js'
import type { DocumentRecord, Storage } from './Storage.js'
import { PostgresVersionStore } from './PostgresVersionStore.js'

interface DocumentRow {
  id: string
  title: string
  // BIGINT arrives as a string (pg will not guess that it fits a JS number); ours are milliseconds, which do.
  created_at: string
  updated_at: string
  deleted_at: string | null
}

const toRecord = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  title: row.title,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
})

/** How stale a document's `updated_at` may be while it is being edited (as in SQLite). */
const TOUCH_INTERVAL_MS = 5_000

export interface PostgresOptions {
  connectionString: string
  /** A schema to work in instead of `public` (tests give each run its own). */
  schema?: string
  /** Connections in the pool. */
  max?: number
  /** Where a lost connection is reported; a JSON logger on standard output by default. */
  log?: LogFunction
  /** Overrides of POSTGRES_TIMEOUTS (parameters of the same names in the URL override both). */
  timeouts?: Partial<PostgresTimeouts>
}

/** How long PostgreSQL may keep us waiting, in milliseconds, before an operation fails (and a save is retried). */
export interface PostgresTimeouts {
  /** Opening a connection, waiting for a free one of the pool included. */
  connectionTimeoutMillis: number
  /** Client side: a reply that never comes (a network that drops packets gives no error of its own). */
  query_timeout: number
  /** Server side: a statement that runs, or waits for a lock, longer than this is cancelled. */
  statement_timeout: number
  /** Server side: a transaction whose client went silent mid-way is ended, releasing its locks. */
  idle_in_transaction_session_timeout: number
}

/**
 * Long enough for any statement Caucus runs (the largest is a snapshot of one document), short enough that an
 * outage fails saves within seconds rather than holding them, and readiness and retries see it.
 * `statement_timeout` fires before `query_timeout`, so a slow server answers with its own error first.
 */
export const POSTGRES_TIMEOUTS: PostgresTimeouts = {
  connectionTimeoutMillis: 5_000,
  query_timeout: 20_000,
  statement_timeout: 15_000,
  idle_in_transaction_session_timeout: 20_000,
}

/**
 * Storage on a PostgreSQL server, for running more than one Caucus process or keeping the data off the host.
 * Every write is one committed transaction (synchronous_commit as the server has it, `on` by default) before
 * its promise resolves, so "saved" means what it means on SQLite.
 *
 * Appends and compactions of a document are ordered by an advisory lock keyed on the document: an append holds
 * it shared, a compaction exclusively. So a compaction never runs while an append with a smaller seq is still
 * uncommitted (it would otherwise delete that entry once committed, its content not in the snapshot), and two
 * processes compacting the same document take turns.
 */
export class PostgresStorage implements Storage {
  /** The last `updated_at` written by an edit, per document (this process only: it is just a write saver). */
  private readonly lastTouched = new Map<string, number>()

  readonly versions: PostgresVersionStore

  private constructor(readonly pool: pg.Pool) {
    this.versions = new PostgresVersionStore(pool)
  }

  /** Connects and migrates the schema; fails if the database cannot be reached or is from a newer Caucus. */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...POSTGRES_TIMEOUTS,
      ...options.timeouts,
      // TCP keepalive finds a peer that vanished while a connection sat idle in the pool.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
    })
    // An idle connection dropped by the server must not crash the process; the next query reconnects. (A
    // connection in use reports its error to its query; see inTransaction for the moments between queries.)
    const log = options.log ?? logFunction(createLogger())
    pool.on('error', (error) => log('PostgreSQL connection lost (the next query reconnects)', error, { level: 'warn', event: 'storage.connectionLost' }))
    try {
      await migratePostgres(pool)
    } catch (error) {
      await pool.end()
      throw error
    }
    return new PostgresStorage(pool)
  }

  async listDocuments({ trashed }: { trashed: boolean }): Promise<DocumentRecord[]> {
    const sql = trashed
      ? 'SELECT * FROM documents WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC'
      : 'SELECT * FROM documents WHERE deleted_at IS NULL ORDER BY updated_at DESC'
    return (await this.pool.query<DocumentRow>(sql)).rows.map(toRecord)
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    const row = (await this.pool.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id])).rows[0]
    return row && toRecord(row)
  }

  async createDocument({ id, title, now }: { id: string; title: string; now: number }): Promise<DocumentRecord> {
    await this.pool.query('INSERT INTO documents (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3)', [id, title, now])
    return { id, title, createdAt: now, updatedAt: now, deletedAt: null }
  }

  async updateDocument(
    id: string,
    changes: { title?: string; deletedAt?: number | null; now: number },
  ): Promise<DocumentRecord | undefined> {
    const values: unknown[] = [id, changes.now]
    const sets = ['updated_at = $2']
    if (changes.title !== undefined) sets.push(`title = $${values.push(changes.title)}`)
    if (changes.deletedAt !== undefined) sets.push(`deleted_at = $${values.push(changes.deletedAt)}`)
    const sql = `UPDATE documents SET ${sets.join(', ')} WHERE id = $1 RETURNING *`
    const row = (await this.pool.query<DocumentRow>(sql, values)).rows[0]
    return row && toRecord(row)
  }

  async purgeDocument(id: string): Promise<boolean> {
    this.lastTouched.delete(id)
    return ((await this.pool.query('DELETE FROM documents WHERE id = $1', [id])).rowCount ?? 0) > 0
  }

  async loadUpdates(docId: string): Promise<Uint8Array[]> {
    const rows = (await this.pool.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [docId])).rows
    return rows.map((row) => new Uint8Array(row.data))
  }

  async appendUpdate(docId: string, update: Uint8Array, now: number): Promise<{ seq: number }> {
    // One statement, so one round trip and its own transaction: the shared lock is taken before the seq is
    // drawn and held until COMMIT. `updated_at` is written at most every TOUCH_INTERVAL_MS per document.
    const touch = now - (this.lastTouched.get(docId) ?? 0) >= TOUCH_INTERVAL_MS
    const sql = `
      WITH locked AS (SELECT pg_advisory_xact_lock_shared(hashtext($1)))
      ${touch ? ', touched AS (UPDATE documents SET updated_at = $3 WHERE id = $1)' : ''}
      INSERT INTO doc_updates (doc_id, data) SELECT $1, $2 FROM locked RETURNING seq`
    const values: unknown[] = touch ? [docId, Buffer.from(update), now] : [docId, Buffer.from(update)]
    const row = (await this.pool.query<{ seq: string }>(sql, values)).rows[0]!
    if (touch) this.lastTouched.set(docId, now)
    return { seq: Number(row.seq) }
  }

  async replaceLog(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // Exclusive: waits for appends in flight to commit, and for another process's compaction of this document.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [docId])
      // Only the entries the caller names: those appended meanwhile have larger seqs and stay. What they hold is
      // read under the lock and folded in, so that an update this process never received survives.
      const replaced = await client.query<{ seq: string; data: Buffer }>('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2 RETURNING seq, data', [docId, throughSeq])
      const entries = replaced.rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => new Uint8Array(row.data))
      await client.query('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2)', [docId, Buffer.from(foldLogEntries(entries, snapshot))])
    })
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** A schema name as an SQL identifier (quotes doubled), for the `search_path` startup option. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
