import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType } from '../../shared/collabProtocol.js'
import type { Connection } from './Connection.js'
import { encodeAwarenessMessage } from './messages.js'
import type { Room } from './Room.js'

/** How long a newcomer to a not-yet-decoded room may go without asking, before the server asks first. */
const SYNC_STEP_1_GRACE_MS = 100

/** The server's sync step 1 (its state vector), which asks the client for what the server lacks. */
export function sendSyncStep1(room: Room, connection: Connection): void {
  connection.owesSyncStep1 = false
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, room.stored.encodeStateVector())
  connection.send(encoding.toUint8Array(encoder))
}

/**
 * Welcomes a connection as y-websocket's server does: the server's sync step 1 and everyone's presence. In a room
 * whose document is still only stored bytes, the server answers first and asks second: the client's own step 1
 * (sent as soon as its socket opens) gets the stored document at once, and computing the server's state vector
 * waits until after that reply, or at most SYNC_STEP_1_GRACE_MS.
 */
export function greet(room: Room, connection: Connection): void {
  if (room.stored.isLoaded) sendSyncStep1(room, connection)
  else {
    connection.owesSyncStep1 = true
    setTimeout(() => {
      if (connection.owesSyncStep1 && !connection.isClosed && !room.isDestroyed) sendSyncStep1(room, connection)
    }, SYNC_STEP_1_GRACE_MS).unref()
  }
  const states = room.awareness.getStates()
  if (states.size > 0) {
    connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()])))
  }
}
