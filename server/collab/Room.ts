import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Storage } from '../storage/Storage.js'
import type { ClientUpdate } from './clientMessages.js'
import type { Connection } from './Connection.js'
import { encodeAwarenessMessage } from './messages.js'
import { CLIENTS_ORIGIN, LOAD_ORIGIN, REMOTE_ORIGIN, type TransactionOrigin } from './origins.js'
import type { Relay, RelayedRoom, RoomLink } from './relay/Relay.js'
import { ProtocolError } from './ProtocolError.js'
import { RoomSaver, type RoomSaverOptions } from './RoomSaver.js'
import { StoredState } from './StoredState.js'
import { broadcastTurn, type TurnEdit } from './turnBroadcast.js'
import { UpdateGate, type ReceivedUpdate } from './UpdateGate.js'
import type { DeleteSet, SavedState } from '../../shared/savedState.js'

export interface RoomOptions extends RoomSaverOptions {
  /** Closes a connection whose update the room refused (and reports it). */
  refuse(connection: Connection, error: ProtocolError): void
  /** Links the room to other processes holding the same document (absent: this process is alone). */
  relay?: Relay
}

/**
 * One live document: its Y.Doc, its awareness and the connections editing it. The updates clients send in one
 * turn of the event loop are applied together right after it, in one transaction, so that Yjs merges each
 * typist's consecutive keystrokes into one item; that turn's edits are broadcast as one message and handed to
 * the saver as one batch (group commit). Clients that asked are told what is durably stored after each commit.
 */
export class Room implements RelayedRoom {
  private readonly ydoc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  readonly connections = new Set<Connection>()
  /** The document as stored, decoded when first needed (see StoredState). */
  readonly stored: StoredState
  private readonly saver: RoomSaver
  /** Client updates received in this turn (decoded whole), checked and applied when it ends. */
  private turnUpdates: ReceivedUpdate[] = []
  private readonly gate = new UpdateGate({
    apply: (received) => this.applyClientUpdate(received),
    refuse: (sender, reason) => this.options.refuse(sender, new ProtocolError('updateRejected', reason)),
  })
  private turnEdits: TurnEdit[] = []
  private turnScheduled = false
  private turnDeletes: DeleteSet[] = []
  private turnStateAfter = new Map<number, number>()
  private destroyed = false
  private readonly link: RoomLink | null

  private constructor(
    readonly docId: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    storedUpdates: Uint8Array[],
  ) {
    // The server holds no local awareness state of its own.
    this.awareness.setLocalState(null)
    this.stored = new StoredState(this.ydoc, storedUpdates)
    this.saver = new RoomSaver(docId, this.stored, storage, options, (message) => this.sendSavedAck(message))
    this.ydoc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.link = options.relay?.join(this) ?? null
  }

  /** Loads a room from storage; rejects (and creates nothing) when storage fails. */
  static async load(docId: string, storage: Storage, options: RoomOptions): Promise<Room> {
    const updates = await storage.loadUpdates(docId)
    return new Room(docId, storage, options, updates)
  }

  /** The live document (decoded from storage on first use). */
  get doc(): Y.Doc {
    return this.stored.doc
  }

  /** True once the room was unloaded: its document is no longer broadcast or saved. */
  get isDestroyed(): boolean {
    return this.destroyed
  }

  /** What storage holds (inserts and deletions). */
  get savedState(): SavedState {
    return this.saver.savedState
  }

  get hasUnsavedEdits(): boolean {
    return this.turnUpdates.length > 0 || this.turnEdits.length > 0 || this.saver.hasUnsavedEdits
  }

  /**
   * Takes a client's update (decoded whole); when the turn ends it is checked against the schema and applied with
   * the rest of the turn's (see UpdateGate).
   */
  receiveUpdate(update: ClientUpdate, sender: Connection): void {
    this.scheduleTurnEnd()
    this.turnUpdates.push({ update, sender })
  }

  private scheduleTurnEnd(): void {
    if (this.turnScheduled) return
    this.turnScheduled = true
    setImmediate(this.endTurn)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: TransactionOrigin, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === LOAD_ORIGIN) return
    this.stored.invalidate()
    this.scheduleTurnEnd()
    const senders = origin === CLIENTS_ORIGIN ? [...this.turnAuthored.keys()] : [origin]
    this.turnEdits.push({ update, senders })
    if (transaction.deleteSet.clients.size > 0) this.turnDeletes.push(transaction.deleteSet)
    this.turnStateAfter = transaction.afterState
  }

  /** The senders of this turn's client updates, with the Yjs clocks their updates reached (what they hold). */
  private turnAuthored = new Map<TransactionOrigin, Map<number, number>>()

  /**
   * Checks and applies the turn's client updates in one transaction (an update that is refused or fails closes its
   * sender's connection; the others still apply). Even when its sender has gone meanwhile, an update is kept.
   */
  private applyTurnUpdates(): void {
    const received = this.turnUpdates
    this.turnUpdates = []
    const doc = this.doc
    doc.transact(() => this.gate.admit(doc, received), CLIENTS_ORIGIN)
  }

  private applyClientUpdate({ update, sender }: ReceivedUpdate): void {
    try {
      Y.applyUpdate(this.doc, update.bytes, sender)
    } catch (error) {
      // Checked before, so this is not the client's doing alone: worth a full report.
      this.options.log(`update from connection ${sender.number} to ${this.docId} failed to apply`, error, { event: 'update.failed', docId: this.docId, connection: sender.number })
      this.options.refuse(sender, new ProtocolError('updateRejected', 'the update failed to apply'))
      return
    }
    // What the sender holds once it sent this: the clock its structs reach, per Yjs client (see broadcastTurn).
    const authored = this.turnAuthored.get(sender) ?? new Map<number, number>()
    for (const struct of update.structs) {
      const end = struct.id.clock + struct.length
      if (end > (authored.get(struct.id.client) ?? 0)) authored.set(struct.id.client, end)
    }
    this.turnAuthored.set(sender, authored)
  }

  /** After the I/O of one event-loop turn: everything that arrived in it goes out and to storage together. */
  private readonly endTurn = (): void => {
    this.turnScheduled = false
    if (this.destroyed) return
    if (this.turnUpdates.length > 0) this.applyTurnUpdates()
    const edits = this.turnEdits
    const deletes = this.turnDeletes
    const authored = this.turnAuthored
    this.turnEdits = []
    this.turnDeletes = []
    this.turnAuthored = new Map()
    if (edits.length === 0) return
    const merged = edits.length === 1 ? edits[0]!.update : Y.mergeUpdates(edits.map((edit) => edit.update))
    broadcastTurn(this.connections, edits, merged, authored)
    // Every process stores what it holds, relayed edits too: "saved" then means stored by this process, whatever
    // became of the peer that relayed it (a duplicate entry changes nothing in Yjs, and compaction folds it).
    this.saver.save(merged, deletes, this.turnStateAfter)
    if (this.link) this.publishLocalEdits(edits, merged)
  }

  /** Sends the peers what was made here this turn (relayed edits came from them, so they are left out). */
  private publishLocalEdits(edits: TurnEdit[], merged: Uint8Array): void {
    const local = edits.filter((edit) => !edit.senders.includes(REMOTE_ORIGIN))
    if (local.length === 0) return
    this.link!.publishUpdate(local.length === edits.length ? merged : Y.mergeUpdates(local.map((edit) => edit.update)))
  }

  // What the relay needs (see relay/Relay.ts).

  encodeStateVector(): Uint8Array {
    return this.stored.encodeStateVector()
  }

  encodeMissing(stateVector: Uint8Array): Uint8Array {
    return this.stored.encodeMissing(stateVector)
  }

  applyRemoteUpdate(update: Uint8Array): void {
    if (this.destroyed) return
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  encodeLocalAwareness(): Uint8Array | null {
    const ids = [...this.awarenessOwners.keys()]
    return ids.length === 0 ? null : awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
  }

  async resyncFromStorage(): Promise<void> {
    const updates = await this.storage.loadUpdates(this.docId)
    if (this.destroyed) return
    const doc = this.doc
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    }, REMOTE_ORIGIN)
  }

  private sendSavedAck(message: () => Uint8Array): void {
    let encoded: Uint8Array | undefined
    for (const connection of this.connections) {
      if (connection.wantsSavedAcks) connection.send((encoded ??= message()))
    }
  }

  /** Which connection holds each presence client id (see presence.ts): set when it adds a state, cleared on removal. */
  private readonly awarenessOwners = new Map<number, Connection>()

  /** Presence client ids that another process's clients hold (relayed to us). */
  private readonly remoteAwarenessIds = new Set<number>()

  /** Who holds presence client id `clientId`: a connection here, `'remote'` (a client of a peer process), or nobody. */
  awarenessOwner(clientId: number): Connection | 'remote' | undefined {
    return this.awarenessOwners.get(clientId) ?? (this.remoteAwarenessIds.has(clientId) ? 'remote' : undefined)
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed)
    // Removed by its owner, by the server when the owner left, or by y-protocols when it was not renewed in time.
    for (const id of removed) {
      this.awarenessOwners.get(id)?.awarenessIds.delete(id)
      this.awarenessOwners.delete(id)
      this.remoteAwarenessIds.delete(id)
    }
    if (origin === REMOTE_ORIGIN) for (const id of added) this.remoteAwarenessIds.add(id)
    if (origin && typeof origin === 'object' && this.connections.has(origin as Connection)) {
      const owner = origin as Connection
      // New ids, and ids a client of another process held until this connection took them over (presence.ts).
      for (const id of added.concat(updated)) {
        if (this.awarenessOwners.has(id)) continue
        owner.awarenessIds.add(id)
        this.awarenessOwners.set(id, owner)
        this.remoteAwarenessIds.delete(id)
      }
    }
    // Echoed to the sender too: a y-websocket client counts it as a sign of life.
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    const message = encodeAwarenessMessage(update)
    for (const connection of this.connections) connection.send(message)
    // Our clients' changes, and their removal when they leave (origin null); not what y-protocols timed out
    // (every process times the same states out by itself) nor what a peer relayed.
    if (this.link && origin !== REMOTE_ORIGIN && origin !== 'timeout') this.link.publishAwareness(update)
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection)
  }

  /** Forgets a connection and removes its awareness states for everyone. */
  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.gate.forget(connection)
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    }
  }

  /**
   * Resolves once everything the document holds *now* is stored, even if others keep typing meanwhile
   * (unlike `whenSaved`, which waits for a moment with nothing pending at all).
   */
  whenCurrentStateSaved(): Promise<void> {
    return this.saver.whenCurrentStateSaved()
  }

  /** Resolves once nothing is waiting to be written (retrying failed writes meanwhile). */
  async whenSaved(): Promise<void> {
    // Edits of the current turn reach the saver when the turn ends.
    if (this.turnScheduled) await new Promise<void>((resolve) => setImmediate(resolve))
    return this.saver.whenSaved()
  }

  /**
   * Resolves once every edit is written and the stored log is folded into one entry: called before a room is
   * unloaded, so that its next load can be served from the stored bytes without decoding them.
   */
  async whenSavedAndCompacted(): Promise<void> {
    await this.whenSaved()
    await this.saver.compactIdle()
  }

  destroy(): void {
    this.destroyed = true
    this.link?.leave()
    this.saver.stop()
    this.ydoc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.ydoc.destroy()
  }
}
