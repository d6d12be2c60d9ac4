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
 * Yjs content is an append-only log of updates per document; `compact` folds the log into one snapshot.
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
  /** Appends updates in one transaction; resolves with the number of log entries now stored. */
  appendUpdates(docId: string, updates: Uint8Array[], now: number): Promise<{ logLength: number }>
  /** Replaces the whole log of a document with one equivalent snapshot, in one transaction. */
  compact(docId: string): Promise<void>

  close(): Promise<void>
}
