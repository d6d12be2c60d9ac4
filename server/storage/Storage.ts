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
 * Everything the server persists. Implementations: SQLite (the embedded default) and PostgreSQL.
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
   * Folds every log entry up to and including `throughSeq` into `snapshot`, in one transaction: they are replaced
   * by one entry holding the snapshot plus whatever they held that it lacks (`foldLog.ts`). So a compaction never
   * loses a stored update, whatever snapshot it is given: one process's snapshot may lack an update another
   * process appended before `throughSeq` (one it never received), and the document is never overwritten by an
   * emptier state. The snapshot may also hold more than the log (edits not yet appended): applying an update
   * twice changes nothing. Entries after `throughSeq` (appended meanwhile) stay, after the new one.
   */
  replaceLog(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>

  /** The documents' version history (kept apart from the update log: compaction never touches it). */
  readonly versions: VersionStore

  close(): Promise<void>
}
