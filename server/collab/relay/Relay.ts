import type { AccessChange } from '../../auth/accessEvents.js'

/**
 * How a room reaches the other processes that hold the same document (see RedisRelay). One process alone has
 * no relay: rooms then work exactly as before.
 */
export interface Relay {
  /** Starts relaying a room (subscribes to its channel and asks the peers for what it lacks). */
  join(room: RelayedRoom): RoomLink
  /** Tells the other processes that access changed (they re-check their connections in that scope). */
  announceAccessChange(change: AccessChange): void
  /** True while the relay can reach its peers (the readiness probe reports it). */
  readonly isConnected: boolean
  close(): Promise<void>
}

/** What a room tells its peers. */
export interface RoomLink {
  /** An edit made here (by this process's clients or API); remote edits are never sent back. */
  publishUpdate(update: Uint8Array): void
  /** Presence changes of this process's clients. */
  publishAwareness(update: Uint8Array): void
  /** Stops relaying (the room is unloaded). */
  leave(): void
}

/** What the relay needs of a room. */
export interface RelayedRoom {
  readonly docId: string
  /** The room's state vector (sync step 1). */
  encodeStateVector(): Uint8Array
  /** What a peer holding `stateVector` lacks (sync step 2). */
  encodeMissing(stateVector: Uint8Array): Uint8Array
  /** Applies an edit from a peer: broadcast to this process's clients and saved, never sent back. */
  applyRemoteUpdate(update: Uint8Array): void
  applyRemoteAwareness(update: Uint8Array): void
  /** The presence states of this process's own clients, for a peer that joined late (null when none). */
  encodeLocalAwareness(): Uint8Array | null
  /** Reads storage again and applies what this room lacks (after a gap, peers that died may have stored edits). */
  resyncFromStorage(): Promise<void>
}
