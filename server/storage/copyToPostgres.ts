import type Database from 'better-sqlite3'
import { inTransaction } from './pgTransaction.js'
import type { PostgresStorage } from './PostgresStorage.js'

/**
 * Tables in an order that satisfies their foreign keys, with the columns copied. Both engines' migrations give
 * them the same names; `doc_updates` leaves out `seq`, which PostgreSQL assigns anew in the same order.
 */
const TABLES: readonly { name: string; columns: readonly string[]; order: string }[] = [
  { name: 'users', columns: ['id', 'email', 'email_key', 'name', 'password_hash', 'is_admin', 'created_at'], order: 'rowid' },
  { name: 'documents', columns: ['id', 'title', 'created_at', 'updated_at', 'deleted_at'], order: 'rowid' },
  { name: 'doc_updates', columns: ['doc_id', 'data'], order: 'seq' },
  { name: 'sessions', columns: ['id', 'secret_hash', 'user_id', 'created_at', 'expires_at'], order: 'rowid' },
  { name: 'access_tokens', columns: ['id', 'secret_hash', 'user_id', 'name', 'created_at', 'last_used_at'], order: 'rowid' },
  { name: 'invitations', columns: ['id', 'secret_hash', 'created_by', 'email_key', 'created_at', 'expires_at', 'used_at', 'used_by'], order: 'rowid' },
  { name: 'share_links', columns: ['id', 'secret_hash', 'doc_id', 'role', 'created_by', 'created_at'], order: 'rowid' },
  { name: 'doc_members', columns: ['doc_id', 'user_id', 'role', 'via_link', 'created_at'], order: 'rowid' },
  {
    name: 'doc_versions',
    columns: ['doc_id', 'number', 'name', 'kind', 'title', 'created_at', 'created_by_id', 'created_by_name', 'editors', 'restored_from', 'proposed_at', 'proposed_by_id', 'proposed_by_name', 'content_hash', 'state', 'snapshot'],
    order: 'doc_id, number',
  },
  { name: 'doc_version_votes', columns: ['doc_id', 'number', 'user_id', 'user_name', 'vote', 'comment', 'voted_at'], order: 'doc_id, number, user_id' },
]

/** Rows per INSERT: few round trips, well under PostgreSQL's 65535 parameters. */
const BATCH_ROWS = 500

/**
 * Copies everything from a SQLite database (already migrated to the current schema) into an empty PostgreSQL
 * one, in one transaction: the target ends up with all of it or none. Refuses a target that holds anything,
 * so it can never merge two installs or overwrite one. Returns the rows copied per table.
 */
export async function copySqliteToPostgres(source: Database.Database, target: PostgresStorage): Promise<Record<string, number>> {
  return inTransaction(target.pool, async (client) => {
    for (const { name } of TABLES) {
      const { rows } = await client.query(`SELECT 1 FROM ${name} LIMIT 1`)
      if (rows.length > 0) throw new Error(`The target database is not empty (table ${name} has rows): refusing to copy into it.`)
    }
    const copied: Record<string, number> = {}
    for (const { name, columns, order } of TABLES) {
      // Read in batches too: a large install's update log need not fit in memory at once.
      const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${order} LIMIT ? OFFSET ?`)
      copied[name] = 0
      for (let offset = 0; ; offset += BATCH_ROWS) {
        const rows = select.all(BATCH_ROWS, offset) as Record<string, unknown>[]
        if (rows.length === 0) break
        const values = rows.flatMap((row) => columns.map((column) => row[column]))
        const tuples = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
        await client.query(`INSERT INTO ${name} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values)
        copied[name] += rows.length
      }
    }
    return copied
  })
}
