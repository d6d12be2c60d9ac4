import type { VersionStore } from './VersionStore.js'

/** A stored document's catalogue entry (timestamps in milliseconds since the epoch). */
export interface DocumentRecord {
  id: string
  title: string
  createdAt: number
  updatedAt: number
  deletedAt: number | null
}

/**
 * Everything the server persists. Implementations: SQLite (the embedded default) and, later, Postgres.
 *
 * Yjs content is an append-only log of updates per document; `replaceLog` folds it into one snapshot.
 * A promise that resolves means the write has committed.
 */
export interface Storage {
  listDocuments(options: { trashed: boolean }): Promise<DocumentRecord[]>
  getDocument(id: string): Promise<DocumentRecord | undefined>
  createDocument(record: { id: string; title: string; now: number }): Promise<DocumentRecord>
  /** Updates the fields given; returns the new record, or undefined when no such document exists. */
  updateDocument(id: string, changes: { title?: string; deletedAt?: number | null; now: number }): Promise<DocumentRecord | undefined>
  /** Removes a document and all its content for good. */
  purgeDocument(id: string): Promise<boolean>

  /** All stored updates of a document, oldest first (empty for a new document). */
  loadUpdates(docId: string): Promise<Uint8Array[]>
  /**
   * Appends one update (the caller merges a batch into one) in one durable transaction; resolves with the
   * entry's position in the log, which only grows.
   */
  appendUpdate(docId: string, update: Uint8Array, now: number): Promise<{ seq: number }>
  /**
   * Replaces every log entry up to and including `throughSeq` with `snapshot`, in one transaction. The snapshot
   * must contain everything those entries did (it may contain more: applying an update twice changes nothing).
   */
  replaceLog(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>

  /** The documents' version history (kept apart from the update log: compaction never touches it). */
  readonly versions: VersionStore

  close(): Promise<void>
}
