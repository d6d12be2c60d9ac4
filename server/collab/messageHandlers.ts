import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { encodeAccessMessage } from '../../shared/accessNotice.js'
import { MessageType } from '../../shared/collabProtocol.js'
import { encodeSavedMessage } from '../../shared/savedState.js'
import { decodeClientMessage, type ClientMessage } from './clientMessages.js'
import type { Connection } from './Connection.js'
import { sendSyncStep1 } from './greeting.js'
import { encodeAwarenessMessage } from './messages.js'
import { ProtocolError } from './ProtocolError.js'
import type { Room } from './Room.js'

type Handlers = { [Kind in ClientMessage['kind']]: (room: Room, connection: Connection, message: Extract<ClientMessage, { kind: Kind }>) => void }

const handlers: Handlers = {
  syncStep1(room, connection, { stateVector }) {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, room.stored.encodeMissing(stateVector))
    connection.send(encoding.toUint8Array(encoder))
    if (connection.owesSyncStep1) sendSyncStep1(room, connection)
  },
  update(room, connection, { update }) {
    // Checked against the schema and applied with the rest of this turn's updates (Room.receiveUpdate).
    if (!update.isEmpty) room.receiveUpdate(update, connection)
  },
  awareness(room, connection, { update }) {
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, connection)
  },
  queryAwareness(room, connection) {
    const states = [...room.awareness.getStates().keys()]
    connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)))
  },
  savedSubscription(room, connection) {
    connection.wantsSavedAcks = true
    connection.send(encodeSavedMessage(room.savedState))
  },
  accessSubscription(_room, connection) {
    connection.wantsAccessNotices = true
    connection.send(encodeAccessMessage(connection.access))
  },
}

/** What a connection may send, given its access. */
function authorize(connection: Connection, message: ClientMessage): void {
  if (message.kind === 'update' && !message.update.isEmpty && connection.access !== 'write') {
    throw new ProtocolError('readOnly', 'update from a read-only connection')
  }
}

/**
 * Acts on one binary frame, only once all of it is decoded and allowed: a frame that is malformed anywhere, even
 * in its last byte, changes nothing. Throws a ProtocolError, naming the close code, for anything refused.
 */
export function handleMessage(room: Room, connection: Connection, frame: Uint8Array): void {
  const message = decodeClientMessage(frame)
  authorize(connection, message)
  ;(handlers[message.kind] as (room: Room, connection: Connection, message: ClientMessage) => void)(room, connection, message)
}
