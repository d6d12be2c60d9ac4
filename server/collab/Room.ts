import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import { LOAD_ORIGIN, type TransactionOrigin } from './origins.js'
import { advanceSavedState, encodeSavedMessage, type SavedState } from '../../shared/savedState.js'
import { encodeAwarenessMessage, encodeUpdateMessage } from './messages.js'
import type { Storage } from '../storage/Storage.js'

export interface RoomOptions {
  /** Fold the stored log into one snapshot once it has this many entries. */
  compactAfter: number
  /** First retry delay after a failed save (doubles up to 30 s). */
  retryDelayMs: number
  log: (message: string, error?: unknown) => void
}

const MAX_RETRY_DELAY_MS = 30_000

/**
 * One live document: its Y.Doc, its awareness, the connections editing it, and the queue of edits waiting
 * to be committed. Edits are broadcast at once and written in batches (group commit); clients that asked
 * are told what is durably stored after each commit.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  /** What storage holds (inserts and deletions): clients compare it with their document to show "saved". */
  savedState: SavedState
  private pending: Uint8Array[] = []
  private flushScheduled = false
  private flushing: Promise<void> | null = null
  private retryDelayMs: number
  private retryTimer: NodeJS.Timeout | null = null
  private idleWaiters: (() => void)[] = []
  private stateWaiters: { target: Map<number, number>; resolve: () => void }[] = []
  private destroyed = false

  private constructor(
    readonly docId: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    storedUpdates: Uint8Array[],
  ) {
    this.retryDelayMs = options.retryDelayMs
    // The server holds no local awareness state of its own.
    this.awareness.setLocalState(null)
    Y.transact(this.doc, () => {
      for (const update of storedUpdates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN)
    }, LOAD_ORIGIN)
    this.savedState = Y.snapshot(this.doc)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Loads a room from storage; rejects (and creates nothing) when storage fails. */
  static async load(docId: string, storage: Storage, options: RoomOptions): Promise<Room> {
    const updates = await storage.loadUpdates(docId)
    return new Room(docId, storage, options, updates)
  }

  /** True once the room was unloaded: its document is no longer broadcast or saved. */
  get isDestroyed(): boolean {
    return this.destroyed
  }

  get hasUnsavedEdits(): boolean {
    return this.pending.length > 0 || this.flushing !== null
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: TransactionOrigin): void => {
    const message = encodeUpdateMessage(update)
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
    if (origin === LOAD_ORIGIN) return
    this.pending.push(update)
    this.scheduleFlush()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed)
    if (origin && typeof origin === 'object' && this.connections.has(origin as Connection)) {
      const owner = origin as Connection
      for (const id of added) owner.awarenessIds.add(id)
      for (const id of removed) owner.awarenessIds.delete(id)
    }
    // Echoed to the sender too: a y-websocket client counts it as a sign of life.
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    for (const connection of this.connections) connection.send(message)
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection)
  }

  /** Forgets a connection and removes its awareness states for everyone. */
  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.destroyed) return
    this.flushScheduled = true
    // setImmediate lets every update that arrived in this turn of the event loop share one commit.
    setImmediate(() => {
      this.flushScheduled = false
      void this.flush()
    })
  }

  /** Writes every pending edit in one transaction; resolves when that commit (or its failure) is done. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush())
    if (this.pending.length === 0 || this.retryTimer) return Promise.resolve()
    const batch = this.pending
    this.pending = []
    // Everything in the doc now is either loaded from storage or in this batch.
    const stateVectorAfterCommit = Y.encodeStateVector(this.doc)
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)
    this.flushing = this.storage
      .appendUpdates(this.docId, [merged], Date.now())
      .then(
        ({ logLength }) => this.onCommitted(advanceSavedState(this.savedState, merged, stateVectorAfterCommit), logLength),
        (error: unknown) => this.onCommitFailed(batch, error),
      )
      .finally(() => {
        this.flushing = null
        if (this.pending.length > 0) this.scheduleFlush()
        else this.notifyIdle()
      })
    return this.flushing
  }

  private async onCommitted(saved: SavedState, logLength: number): Promise<void> {
    this.retryDelayMs = this.options.retryDelayMs
    this.savedState = saved
    this.stateWaiters = this.stateWaiters.filter((waiter) => {
      if (!this.covers(waiter.target)) return true
      waiter.resolve()
      return false
    })
    const message = encodeSavedMessage(saved)
    for (const connection of this.connections) {
      if (connection.wantsSavedAcks) connection.send(message)
    }
    if (logLength >= this.options.compactAfter) {
      try {
        await this.storage.compact(this.docId)
      } catch (error) {
        // The log is still complete; compaction will be tried again after the next commit.
        this.options.log(`compaction of ${this.docId} failed`, error)
      }
    }
  }

  private onCommitFailed(batch: Uint8Array[], error: unknown): void {
    // Keep the edits in memory, in order, and try again: nothing is lost while storage is down.
    this.pending = batch.concat(this.pending)
    this.options.log(`saving ${this.docId} failed; retrying in ${this.retryDelayMs} ms`, error)
    if (this.destroyed) return
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
    const target = Y.decodeStateVector(Y.encodeStateVector(this.doc))
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

  destroy(): void {
    this.destroyed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
