import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { foldLogEntries } from './foldLog.js'
import { migrate } from './sqliteMigrations.js'
import type { DocumentRecord, Storage } from './Storage.js'
import { SqliteVersionStore } from './SqliteVersionStore.js'

interface DocumentRow {
  id: string
  title: string
  created_at: number
  updated_at: number
  deleted_at: number | null
}

const toRecord = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
})


/** How stale a document's `updated_at` may be while it is being edited. */
const TOUCH_INTERVAL_MS = 5_000

/**
 * The embedded default storage: one SQLite file in WAL mode. `synchronous = FULL` makes every commit durable
 * before the call returns, so an update is only reported saved once it would survive a crash or power loss.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database
  private readonly statements
  private readonly transactions
  /** When each document's `updated_at` was last written by an edit. */
  private readonly lastTouched = new Map<string, number>()
  readonly versions: SqliteVersionStore

  constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true })
    this.db = new Database(filename)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    migrate(this.db)
    const db = this.db
    this.versions = new SqliteVersionStore(db)
    this.statements = {
      list: db.prepare<[], DocumentRow>('SELECT * FROM documents WHERE deleted_at IS NULL ORDER BY updated_at DESC'),
      listTrashed: db.prepare<[], DocumentRow>('SELECT * FROM documents WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC'),
      get: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      insert: db.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)'),
      purge: db.prepare('DELETE FROM documents WHERE id = ?'),
      touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      loadUpdates: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq'),
      appendUpdate: db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)'),
      deleteUpTo: db.prepare<[string, number], { data: Buffer }>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ? RETURNING seq, data'),
    }
    const statements = this.statements
    const insertUpdate = (docId: string, update: Uint8Array) => Number(statements.appendUpdate.run(docId, update).lastInsertRowid)
    this.transactions = {
      insertUpdate,
      insertUpdateAndTouch: db.transaction((docId: string, update: Uint8Array, now: number) => {
        const seq = insertUpdate(docId, update)
        statements.touch.run(now, docId)
        return seq
      }),
      replaceLog: db.transaction((docId: string, snapshot: Uint8Array, throughSeq: number) => {
        // What the replaced entries hold is folded in: the snapshot may lack an update (see foldLogEntries).
        const replaced = statements.deleteUpTo.all(docId, throughSeq).map((row) => new Uint8Array(row.data))
        insertUpdate(docId, foldLogEntries(replaced, snapshot))
      }),
    }
  }

  /** The open database, for the account store that lives in the same file (`server/auth/SqliteAccountStore.ts`). */
  get database(): Database.Database {
    return this.db
  }

  async listDocuments({ trashed }: { trashed: boolean }): Promise<DocumentRecord[]> {
    return (trashed ? this.statements.listTrashed : this.statements.list).all().map(toRecord)
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    const row = this.statements.get.get(id)
    return row && toRecord(row)
  }

  async createDocument({ id, title, now }: { id: string; title: string; now: number }): Promise<DocumentRecord> {
    this.statements.insert.run(id, title, now, now)
    return { id, title, createdAt: now, updatedAt: now, deletedAt: null }
  }

  async updateDocument(
    id: string,
    changes: { title?: string; deletedAt?: number | null; now: number },
  ): Promise<DocumentRecord | undefined> {
    const sets: string[] = ['updated_at = @now']
    if (changes.title !== undefined) sets.push('title = @title')
    if (changes.deletedAt !== undefined) sets.push('deleted_at = @deletedAt')
    const result = this.db.prepare(`UPDATE documents SET ${sets.join(', ')} WHERE id = @id`).run({
      id,
      now: changes.now,
      title: changes.title ?? null,
      deletedAt: changes.deletedAt ?? null,
    })
    return result.changes === 0 ? undefined : this.getDocument(id)
  }

  async purgeDocument(id: string): Promise<boolean> {
    this.lastTouched.delete(id)
    return this.statements.purge.run(id).changes > 0
  }

  async loadUpdates(docId: string): Promise<Uint8Array[]> {
    return this.statements.loadUpdates.all(docId).map((row) => new Uint8Array(row.data))
  }

  async appendUpdate(docId: string, update: Uint8Array, now: number): Promise<{ seq: number }> {
    // One statement is its own transaction: one WAL commit, one fsync. `updated_at` only orders the documents
    // list, so it is written at most every TOUCH_INTERVAL_MS per document rather than on every keystroke.
    if (now - (this.lastTouched.get(docId) ?? 0) < TOUCH_INTERVAL_MS) return { seq: this.transactions.insertUpdate(docId, update) }
    const seq = this.transactions.insertUpdateAndTouch(docId, update, now)
    this.lastTouched.set(docId, now)
    return { seq }
  }

  async replaceLog(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.transactions.replaceLog(docId, snapshot, throughSeq)
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
