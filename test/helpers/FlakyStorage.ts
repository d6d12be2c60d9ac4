import type { DocumentRecord } from '../../server/storage/Storage.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'

/**
 * The real SQLite storage with switches that make one operation fail, as a full disk or a lost database
 * connection would, or take its time, as a remote database would. Everything else is the real thing.
 */
export class FlakyStorage extends SqliteStorage {
  failLoads = false
  failAppends = false
  /** Fails document look-ups (what the readiness probe asks). */
  failReads = false
  /** How long each `replaceLog` waits before it writes (a database across a network answers later). */
  replaceLogDelayMs = 0
  loadAttempts = 0
  appendAttempts = 0
  replaceLogCalls = 0

  override async getDocument(id: string): Promise<DocumentRecord | undefined> {
    if (this.failReads) throw new Error('injected failure: getDocument')
    return super.getDocument(id)
  }

  override async loadUpdates(docId: string): Promise<Uint8Array[]> {
    this.loadAttempts++
    if (this.failLoads) throw new Error('injected failure: loadUpdates')
    return super.loadUpdates(docId)
  }

  override async appendUpdate(docId: string, update: Uint8Array, now: number): Promise<{ seq: number }> {
    this.appendAttempts++
    if (this.failAppends) throw new Error('injected failure: appendUpdate')
    return super.appendUpdate(docId, update, now)
  }

  override async replaceLog(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.replaceLogCalls++
    if (this.replaceLogDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.replaceLogDelayMs))
    return super.replaceLog(docId, snapshot, throughSeq)
  }
}
