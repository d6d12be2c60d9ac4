import * as Y from 'yjs'
import { encodeSavedMessage, type DeleteSet, type SavedState } from '../../shared/savedState.js'
import type { Storage } from '../storage/Storage.js'
import type { StoredState } from './StoredState.js'
import type { LogFunction } from '../ops/logger.js'

export interface RoomSaverOptions {
  /**
   * Fold the stored log into one snapshot once it has at least this many entries and holds at least as many
   * bytes as the last snapshot (so that a large document is not re-encoded every few hundred keystrokes: the work
   * of compacting stays proportional to what was written).
   */
  compactAfter: number
  /** First retry delay after a failed save (doubles up to 30 s). */
  retryDelayMs: number
  log: LogFunction
}

/** One batch of edits waiting to be written, with what storage will hold once it is. */
interface PendingBatch {
  update: Uint8Array
  /** Deletions the batch makes (empty delete sets are left out). */
  deletes: DeleteSet[]
  /** The document's state vector right after the batch: everything before it is stored or in this batch. */
  stateAfter: Map<number, number>
}

const MAX_RETRY_DELAY_MS = 30_000

/**
 * Writes one room's edits to storage, in order, one batch per commit (a batch is everything that arrived in one
 * turn of the event loop, merged), and keeps `savedState`: exactly what storage holds. A failed write keeps the
 * edits in memory and is retried with backoff; nothing is reported saved before its commit.
 */
export class RoomSaver {
  /** Computed from the loaded document when first asked for (loading it can wait until something needs it). */
  private saved: SavedState | null = null
  private pending: PendingBatch[] = []
  private flushing: Promise<void> | null = null
  private retryDelayMs: number
  private retryTimer: NodeJS.Timeout | null = null
  private logLength: number
  /** Bytes in the log's entries after its first (the snapshot or the oldest update), and that first entry's size. */
  private logBytes = 0
  private snapshotBytes: number
  /** Log position of this room's last commit (undefined before its first). */
  private lastSeq: number | undefined
  /** The compaction under way: two at once would each insert a snapshot, leaving a log of two entries. */
  private compacting: Promise<void> | null = null
  private idleWaiters: (() => void)[] = []
  private stateWaiters: { target: Map<number, number>; resolve: () => void }[] = []
  private stopped = false
  /** Commits that failed since the last one that succeeded. */
  private failedAttempts = 0

  constructor(
    private readonly docId: string,
    /** The room's document as loaded from storage (reading its content loads it). */
    private readonly stored: StoredState,
    private readonly storage: Storage,
    private readonly options: RoomSaverOptions,
    /** Called after each commit with the acknowledgement message for clients that asked for one. */
    private readonly onSaved: (message: () => Uint8Array) => void,
  ) {
    this.retryDelayMs = options.retryDelayMs
    const [first = 0, ...rest] = stored.entrySizes
    this.logLength = stored.entrySizes.length
    this.snapshotBytes = first
    for (const size of rest) this.logBytes += size
  }

  /** What storage holds (inserts and deletions): clients compare it with their document to show "saved". */
  get savedState(): SavedState {
    // Before the first commit storage holds exactly what was loaded.
    this.saved ??= this.stored.loadedSnapshot
    return this.saved
  }

  get hasUnsavedEdits(): boolean {
    return this.pending.length > 0 || this.flushing !== null
  }

  /** Queues a batch and writes it now, unless a write or a retry is under way (it then joins the next commit). */
  save(update: Uint8Array, deletes: DeleteSet[], stateAfter: Map<number, number>): void {
    this.pending.push({ update, deletes, stateAfter })
    void this.flush()
  }

  /** Writes every pending batch in one commit; resolves when that commit (or its failure) is done. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush())
    if (this.pending.length === 0 || this.retryTimer) return Promise.resolve()
    const batch = this.pending
    this.pending = []
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update))
    this.flushing = this.storage
      .appendUpdate(this.docId, update, Date.now())
      .then(
        ({ seq }) => this.onCommitted(batch, seq, update.length),
        (error: unknown) => this.onCommitFailed(batch, error),
      )
      .finally(() => {
        this.flushing = null
        if (this.pending.length > 0) void this.flush()
        else this.notifyIdle()
      })
    return this.flushing
  }

  private async onCommitted(batch: PendingBatch[], seq: number, bytes: number): Promise<void> {
    this.retryDelayMs = this.options.retryDelayMs
    if (this.failedAttempts > 0) {
      this.options.log(`saving ${this.docId} succeeded after ${this.failedAttempts} failed attempts`, undefined, {
        level: 'info',
        event: 'save.recovered',
        docId: this.docId,
        failedAttempts: this.failedAttempts,
      })
      this.failedAttempts = 0
    }
    this.logLength++
    this.logBytes += bytes
    this.lastSeq = seq
    const deletes = batch.flatMap((entry) => entry.deletes)
    const ds = deletes.length === 0 ? this.savedState.ds : Y.mergeDeleteSets([this.savedState.ds, ...deletes])
    this.saved = Y.createSnapshot(ds, batch.at(-1)!.stateAfter)
    if (this.stateWaiters.length > 0) {
      this.stateWaiters = this.stateWaiters.filter((waiter) => {
        if (!this.covers(waiter.target)) return true
        waiter.resolve()
        return false
      })
    }
    this.onSaved(() => encodeSavedMessage(this.savedState))
    if (this.logLength >= this.options.compactAfter && this.logBytes >= this.snapshotBytes) await this.compact(seq)
  }

  /**
   * Replaces the log with a snapshot of the live document, which holds everything stored (and perhaps edits
   * not yet written, which is harmless). Cheaper than rebuilding the document from the log.
   */
  private compact(throughSeq: number): Promise<void> {
    this.compacting ??= this.writeSnapshot(throughSeq).finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  private async writeSnapshot(throughSeq: number): Promise<void> {
    try {
      const snapshot = Y.encodeStateAsUpdate(this.stored.doc)
      const [entriesBefore, bytesBefore] = [this.logLength, this.logBytes]
      await this.storage.replaceLog(this.docId, snapshot, throughSeq)
      // Entries committed while the snapshot was being written stay in the log, after it.
      this.logLength = 1 + this.logLength - entriesBefore
      this.logBytes -= bytesBefore
      this.snapshotBytes = snapshot.length
    } catch (error) {
      // The log is still complete; compaction is tried again after the next commit.
      this.options.log(`compaction of ${this.docId} failed`, error, { event: 'compaction.failed', docId: this.docId })
    }
  }

  /**
   * Folds the log into one snapshot if this room wrote to it and nothing is waiting (called when the room is
   * unloaded, so that the next load is a single entry, which can be served without decoding it first).
   */
  async compactIdle(): Promise<void> {
    while (this.compacting) await this.compacting
    if (this.lastSeq === undefined || this.logLength <= 1 || this.hasUnsavedEdits) return
    await this.compact(this.lastSeq)
  }

  private onCommitFailed(batch: PendingBatch[], error: unknown): void {
    // Keep the edits in memory, in order, and try again: nothing is lost while storage is down.
    this.pending = batch.concat(this.pending)
    this.failedAttempts++
    if (this.stopped) {
      this.options.log(`saving ${this.docId} failed; not retrying (the room is unloaded)`, error, { event: 'save.failed', docId: this.docId, attempt: this.failedAttempts })
      return
    }
    this.options.log(`saving ${this.docId} failed; retrying in ${this.retryDelayMs} ms`, error, {
      event: 'save.failed',
      docId: this.docId,
      attempt: this.failedAttempts,
      retryInMs: this.retryDelayMs,
    })
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.flush()
    }, this.retryDelayMs)
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS)
  }

  /**
   * Resolves once everything the document holds *now* is stored, even if others keep typing meanwhile
   * (unlike `whenSaved`, which waits for a moment with nothing pending at all).
   */
  whenCurrentStateSaved(): Promise<void> {
    const target = Y.decodeStateVector(Y.encodeStateVector(this.stored.doc))
    if (this.covers(target)) return Promise.resolve()
    return new Promise((resolve) => this.stateWaiters.push({ target, resolve }))
  }

  private covers(target: Map<number, number>): boolean {
    for (const [client, clock] of target) if ((this.savedState.sv.get(client) ?? 0) < clock) return false
    return true
  }

  /** Resolves once nothing is waiting to be written (retrying failed writes meanwhile). */
  whenSaved(): Promise<void> {
    if (!this.hasUnsavedEdits) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  /** Stops retrying (the room is being unloaded). */
  stop(): void {
    this.stopped = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
  }
}
