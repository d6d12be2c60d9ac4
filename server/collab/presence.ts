import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { CollabPrincipal } from './access.js'
import type { PresenceEntry } from './clientMessages.js'
import type { Connection } from './Connection.js'
import { ProtocolError } from './ProtocolError.js'
import type { Room } from './Room.js'

/** What presence shows of a person: always the account's, whatever the client wrote. */
export interface PresenceUser {
  name: string
  color: string
  /** The account's id: lets the same person take their presence over on another process (see `mayClaimRemote`). */
  account: string
}

export const presenceUser = (principal: CollabPrincipal): PresenceUser => ({ name: principal.name, color: principal.colour, account: principal.userId })

/**
 * May `connection` take over presence id `clientId`, which a client of another process held? Only the same
 * account may: a person whose process died reconnects here with the same id, and their presence must follow at
 * once rather than wait for the dead process's copy to time out; nobody can take over someone else's.
 */
function mayClaimRemote(room: Room, connection: Connection, clientId: number): boolean {
  const state = room.awareness.getStates().get(clientId) as { user?: Partial<PresenceUser> } | undefined
  return state?.user?.account === connection.principal.userId
}

/** A client's state with `user` replaced by the account's (a state that is not an object keeps only `user`). */
function stamp(state: unknown, user: PresenceUser): Record<string, unknown> {
  const fields = typeof state === 'object' && state !== null && !Array.isArray(state) ? (state as Record<string, unknown>) : {}
  return { ...fields, user }
}

/** Would y-protocols apply this entry (its clock is newer than what the room holds)? */
function isNewer(room: Room, entry: PresenceEntry): boolean {
  const current = room.awareness.meta.get(entry.clientId)
  if (!current) return true
  return current.clock < entry.clock || (current.clock === entry.clock && entry.state === null && room.awareness.states.has(entry.clientId))
}

export interface PresenceOutcome {
  /** Entries that were dropped because they would have changed another connection's presence. */
  refused: number
}

/**
 * Applies a connection's awareness update, after making it honest. A client id belongs to the first connection
 * that announced it, until its state is removed; entries for ids another connection holds are dropped (a stock
 * y-websocket client sends the others' states back to the server whenever they change: those are old news, and
 * only newer ones count as refused). Every state's `user` is the connection's account, so nobody can show
 * another person's name or colour; the rest of the state (the cursor) passes as the client sent it, within the
 * size limit checked while decoding. A frame that would make the connection hold more than `maxIds` ids, or that
 * changes presence when the account's presence budget is spent, is refused whole.
 */
export function applyPresence(
  room: Room,
  connection: Connection,
  entries: readonly PresenceEntry[],
  maxIds: number,
  /** Takes one presence change from the account's budget; false when it is spent. */
  spend: () => boolean,
): PresenceOutcome {
  const user = presenceUser(connection.principal)
  const claimed = new Set<number>()
  const accepted: PresenceEntry[] = []
  let refused = 0
  for (const entry of entries) {
    const owner = room.awarenessOwner(entry.clientId)
    if (owner === 'remote' && mayClaimRemote(room, connection, entry.clientId) && entry.state !== null && isNewer(room, entry)) {
      claimed.add(entry.clientId)
      accepted.push({ ...entry, state: stamp(entry.state, user) })
      continue
    }
    if (owner !== undefined && owner !== connection) {
      if (isNewer(room, entry)) refused++
      continue
    }
    // An id nobody holds: only a new state claims it (a removal or an old state is an echo of someone who left).
    if (owner === undefined) {
      if (entry.state === null || !isNewer(room, entry)) continue
      claimed.add(entry.clientId)
    }
    accepted.push({ ...entry, state: entry.state === null ? null : stamp(entry.state, user) })
  }
  // Only a frame that changes someone's presence is relayed, so only that costs the account's budget (an echo
  // of what the server already holds is free: every stock client sends those).
  const changes = accepted.some((entry) => isNewer(room, entry))
  if (changes && !spend()) throw new ProtocolError('tooManyMessages', 'more presence changes than the account may make')
  if (connection.awarenessIds.size + claimed.size > maxIds) {
    throw new ProtocolError('tooManyClientIds', `${connection.awarenessIds.size + claimed.size} presence client ids (at most ${maxIds})`)
  }
  if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(room.awareness, encodePresence(accepted), connection)
  return { refused }
}

function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}
