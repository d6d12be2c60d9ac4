import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from './relayMessages.js'
import type { RelayedRoom, RoomLink } from './Relay.js'

/** Distributes `Omit` over the union, so each kind keeps its own fields. */
type Unsent<M> = M extends RelayMessage ? Omit<M, 'from' | 'seq'> : never

/** What a room's channel needs of the relay that carries it. */
export interface ChannelTransport {
  readonly processId: string
  /** Resolves once the message reached Redis; rejects when it could not be sent. */
  publish(channel: string, message: Uint8Array): Promise<unknown>
  unsubscribe(channel: string, owner: RoomChannel): void
  resynced(docId: string, reason: string): void
  log(message: string, error?: unknown): void
}

/** An encoded update that holds nothing: no structs and no deletions (`Y.encodeStateAsUpdate` of what is known). */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

/**
 * One room's conversation with its peers on one channel. Edits and presence made here go out numbered; what
 * comes in is applied, and a skipped number (or a failed send) means something was missed, which a resync
 * repairs: the room re-reads storage and trades state vectors with its peers (`hello` / `reply`), as y-protocols'
 * sync steps 1 and 2 do between a client and a server.
 */
export class RoomChannel implements RoomLink {
  private seq = 0
  /** The last sequence number seen from each peer process. */
  private readonly lastSeen = new Map<string, number>()
  private helloScheduled = false
  /** A send failed: once the relay is connected again this room resyncs. */
  needsResync = false
  private left = false

  constructor(
    readonly name: string,
    private readonly room: RelayedRoom,
    private readonly transport: ChannelTransport,
  ) {}

  publishUpdate(update: Uint8Array): void {
    this.send({ kind: 'update', update })
  }

  publishAwareness(update: Uint8Array): void {
    this.send({ kind: 'awareness', update })
  }

  leave(): void {
    this.left = true
    this.transport.unsubscribe(this.name, this)
  }

  private send(message: Unsent<RelayMessage>): void {
    if (this.left) return
    const full = { ...message, from: this.transport.processId, seq: ++this.seq } as RelayMessage
    this.transport.publish(this.name, encodeRelayMessage(full)).catch(() => {
      // Peers see the skipped number too; this side resyncs as soon as Redis answers again.
      this.needsResync = true
    })
  }

  /** Asks every peer for what this room lacks (coalesced: several reasons in one turn make one hello). */
  sayHello(): void {
    if (this.helloScheduled || this.left) return
    this.helloScheduled = true
    setImmediate(() => {
      this.helloScheduled = false
      this.send({ kind: 'hello', stateVector: this.room.encodeStateVector() })
    })
  }

  /** Repairs whatever was missed: storage first (a peer that died may have stored edits), then the live peers. */
  resync(reason: string): void {
    if (this.left) return
    this.needsResync = false
    this.transport.resynced(this.room.docId, reason)
    this.room.resyncFromStorage().catch((error: unknown) => this.transport.log(`resync of ${this.room.docId} from storage failed`, error))
    this.sayHello()
  }

  receive(bytes: Uint8Array): void {
    if (this.left) return
    let message: RelayMessage
    try {
      message = decodeRelayMessage(bytes)
    } catch (error) {
      this.transport.log(`unreadable relay message on ${this.name}`, error)
      return
    }
    // Redis delivers our own messages back to us.
    if (message.from === this.transport.processId) return
    const last = this.lastSeen.get(message.from)
    this.lastSeen.set(message.from, message.seq)
    // A peer seen for the first time may have sent before we listened: our hello (sent on joining) covers that.
    if (last !== undefined && message.seq > last + 1) this.resync(`missed ${message.seq - last - 1} message(s) from a peer`)
    this.handle(message)
  }

  private handle(message: RelayMessage): void {
    switch (message.kind) {
      case 'update':
        this.room.applyRemoteUpdate(message.update)
        break
      case 'awareness':
        this.room.applyRemoteAwareness(message.update)
        break
      case 'hello': {
        const missing = this.room.encodeMissing(message.stateVector)
        this.send({ kind: 'reply', to: message.from, update: missing, stateVector: this.room.encodeStateVector() })
        const presence = this.room.encodeLocalAwareness()
        if (presence) this.send({ kind: 'awareness', update: presence })
        break
      }
      case 'reply': {
        if (message.to !== this.transport.processId) return
        if (!isEmptyUpdate(message.update)) this.room.applyRemoteUpdate(message.update)
        // Whatever the peer lacks goes out as an ordinary update (every peer may as well have it).
        const theirs = this.room.encodeMissing(message.stateVector)
        if (!isEmptyUpdate(theirs)) this.publishUpdate(theirs)
        break
      }
    }
  }
}
