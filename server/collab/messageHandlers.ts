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
import type { CollabLimits } from './limits.js'
import { applyPresence } from './presence.js'
import { ProtocolError } from './ProtocolError.js'
import type { Room } from './Room.js'
import type { LogFields } from '../ops/logger.js'

/** What handling a message needs besides the room and the connection. */
export interface MessageContext {
  limits: CollabLimits
  /** Reports something refused without closing the connection (rate-limited, see RefusalLog). */
  report(line: string, fields?: LogFields): void
  /** Takes one presence change from the connection's account's budget (limits.presencePerSecond). */
  spendPresence(connection: Connection): boolean
}

type Handlers = {
  [Kind in ClientMessage['kind']]: (room: Room, connection: Connection, message: Extract<ClientMessage, { kind: Kind }>, context: MessageContext) => void
}

const handlers: Handlers = {
  syncStep1(room, connection, { stateVector }) {
    if (!connection.syncRequests.take()) throw new ProtocolError('tooManyMessages', 'sync step 1 more often than a client needs')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, room.stored.encodeMissing(stateVector))
    connection.send(encoding.toUint8Array(encoder))
    if (connection.owesSyncStep1) sendSyncStep1(room, connection)
  },
  update(room, connection, { update }, context) {
    if (update.isEmpty) return
    // A viewer's client (a stock one answers the server's sync step 1 with all it holds) stays connected, reading
    // live edits; what it sends is dropped: nothing is applied, relayed or stored. Reported once per connection.
    if (connection.access !== 'write') {
      if (connection.droppedUpdates++ === 0) {
        context.report(`dropping updates from read-only connection ${connection.number} to ${connection.docId} (${connection.principal.userId})`, {
          event: 'update.dropped',
          docId: connection.docId,
          connection: connection.number,
        })
      }
      return
    }
    // Checked against the schema and applied with the rest of this turn's updates (Room.receiveUpdate).
    room.receiveUpdate(update, connection)
  },
  awareness(room, connection, { entries }, context) {
    const { refused } = applyPresence(room, connection, entries, context.limits.maxClientIdsPerConnection, () =>
      context.spendPresence(connection),
    )
    if (refused > 0) {
      context.report(`dropped ${refused} presence states that connection ${connection.number} to ${connection.docId} sent for client ids it does not hold`, {
        event: 'presence.dropped',
        docId: connection.docId,
        connection: connection.number,
        count: refused,
      })
    }
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
    connection.send(encodeAccessMessage(connection.access, connection.role))
  },
}

/**
 * Acts on one binary frame, only once all of it is decoded: a frame that is malformed anywhere, even in its last
 * byte, changes nothing. Throws a ProtocolError, naming the close code, for anything refused.
 */
export function handleMessage(room: Room, connection: Connection, frame: Uint8Array, context: MessageContext): void {
  const message = decodeClientMessage(frame, context.limits)
  ;(handlers[message.kind] as (room: Room, connection: Connection, message: ClientMessage, context: MessageContext) => void)(room, connection, message, context)
}
