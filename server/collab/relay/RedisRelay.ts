import { randomUUID } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import type { AccessChange } from '../../auth/accessEvents.js'
import type { Relay, RelayedRoom, RoomLink } from './Relay.js'
import { RoomChannel, type ChannelTransport } from './RoomChannel.js'

export interface RedisRelayOptions {
  url: string
  log: (message: string, error?: unknown) => void
  /** Called for each room resynchronised after a gap (counted in the metrics). */
  onResync?: (docId: string, reason: string) => void
  /** Called when another process changed who may open what (its open connections in that scope are re-checked here). */
  onAccessChange?: (change: AccessChange) => void
}

/** One channel for every change of access: rare, and every process may hold connections it concerns. */
const ACCESS_CHANNEL = 'caucus:access'

/** Reconnect quickly and keep trying: an outage of Redis must end with the processes back in step. */
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 1_000)

/** Every document has its own channel: a process hears only about the rooms it holds. */
const channelOf = (docId: string) => `caucus:doc:${docId}`

/**
 * Links the processes that hold the same document through Redis pub/sub (see the README for why pub/sub and not
 * Streams). Pub/sub delivers in order while a connection lasts and drops everything while it does not, so every
 * way of missing something ends in a resync: a skipped sequence number from a peer, a send that failed, or the
 * subscriber reconnecting (its channels are re-subscribed by ioredis, then every room resyncs).
 */
export class RedisRelay implements Relay, ChannelTransport {
  readonly processId = randomUUID()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly channels = new Map<string, RoomChannel>()
  private subscriberWasReady = false
  private closed = false
  /** Logged once per outage, not once per reconnection attempt. */
  private outageLogged = false

  constructor(private readonly options: RedisRelayOptions) {
    const common: RedisOptions = { retryStrategy, connectionName: `caucus-${this.processId.slice(0, 8)}` }
    // Sends fail at once while Redis is away (nothing piles up in memory); the failure marks the room for a resync.
    this.publisher = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 0 })
    // Subscriptions wait for Redis instead, and are renewed by ioredis on every reconnection.
    this.subscriber = new Redis(options.url, { ...common, maxRetriesPerRequest: null })
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', (error: Error) => this.onError(error))
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString()
      if (name === ACCESS_CHANNEL) return this.receiveAccessChange(message.toString())
      this.channels.get(name)?.receive(new Uint8Array(message.buffer, message.byteOffset, message.byteLength))
    })
    this.subscriber.subscribe(ACCESS_CHANNEL).catch((error: unknown) => this.log('subscribing to access changes failed', error))
    this.subscriber.on('ready', () => {
      this.outageLogged = false
      if (this.subscriberWasReady) this.resyncAll('Redis connection restored')
      this.subscriberWasReady = true
    })
    this.publisher.on('ready', () => {
      this.outageLogged = false
      for (const channel of this.channels.values()) if (channel.needsResync) channel.resync('sending to Redis failed earlier')
    })
  }

  get isConnected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  join(room: RelayedRoom): RoomLink {
    const name = channelOf(room.docId)
    const channel = new RoomChannel(name, room, this)
    this.channels.set(name, channel)
    // Edits published between our load from storage and this subscription are covered by the hello's replies.
    this.subscriber.subscribe(name).then(
      () => channel.sayHello(),
      (error: unknown) => this.log(`subscribing to ${room.docId} failed`, error),
    )
    return channel
  }

  /**
   * Tells the other processes that access changed, so that a removed member or a revoked link loses their
   * connections everywhere at once. Lost while Redis is away: the periodic re-check (every minute) covers that.
   */
  announceAccessChange(change: AccessChange): void {
    const message = JSON.stringify({ from: this.processId, docId: change.docId, userId: change.userId })
    this.publisher.publish(ACCESS_CHANNEL, message).catch(() => {})
  }

  private receiveAccessChange(raw: string): void {
    let message: { from?: unknown; docId?: unknown; userId?: unknown }
    try {
      message = JSON.parse(raw) as typeof message
    } catch {
      return this.log('unreadable access change on the relay')
    }
    if (message.from === this.processId) return
    const change: AccessChange = {}
    if (typeof message.docId === 'string') change.docId = message.docId
    if (typeof message.userId === 'string') change.userId = message.userId
    // An announcement that names nobody would re-check every connection: harmless, but not what anyone sent.
    if (change.docId === undefined && change.userId === undefined) return
    this.options.onAccessChange?.(change)
  }

  publish(channel: string, message: Uint8Array): Promise<unknown> {
    return this.publisher.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength))
  }

  unsubscribe(name: string, owner: RoomChannel): void {
    // A room loaded again meanwhile owns the channel now.
    if (this.channels.get(name) !== owner) return
    this.channels.delete(name)
    if (!this.closed) this.subscriber.unsubscribe(name).catch(() => {})
  }

  resynced(docId: string, reason: string): void {
    this.options.onResync?.(docId, reason)
  }

  log(message: string, error?: unknown): void {
    this.options.log(message, error)
  }

  private resyncAll(reason: string): void {
    for (const channel of this.channels.values()) channel.resync(reason)
  }

  private onError(error: Error): void {
    if (this.outageLogged || this.closed) return
    this.outageLogged = true
    this.options.log('Redis is unreachable; each process keeps serving its own clients and resyncs when it returns', error)
  }

  async close(): Promise<void> {
    this.closed = true
    this.channels.clear()
    await Promise.all([this.publisher, this.subscriber].map((connection) => connection.quit().catch(() => connection.disconnect())))
  }
}
