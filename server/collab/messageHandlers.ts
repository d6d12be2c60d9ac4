import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.js'
import type { Connection } from './Connection.js'
import { encodeAccessMessage } from '../../shared/accessNotice.js'
import { encodeSavedMessage } from '../../shared/savedState.js'
import { encodeAwarenessMessage } from './messages.js'
import { sendSyncStep1 } from './greeting.js'
import { ProtocolError } from './ProtocolError.js'
import type { Room } from './Room.js'

interface MessageContext {
  room: Room
  connection: Connection
  decoder: decoding.Decoder
}

type MessageHandler = (context: MessageContext) => void

function handleSync({ room, connection, decoder }: MessageContext): void {
  const step = decoding.readVarUint(decoder)
  switch (step) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = decoding.readVarUint8Array(decoder)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(encoder, room.stored.encodeMissing(stateVector))
      connection.send(encoding.toUint8Array(encoder))
      if (connection.owesSyncStep1) sendSyncStep1(room, connection)
      return
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder)
      applyClientUpdate(room, connection, update)
      return
    }
    default:
      throw new ProtocolError('malformedMessage', `unknown sync step ${step}`)
  }
}

function applyClientUpdate(room: Room, connection: Connection, update: Uint8Array): void {
  if (connection.access !== 'write') throw new ProtocolError('readOnly', 'update from a read-only connection')
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    // Decoding first means a truncated or corrupt update is refused before it touches the document.
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    throw new ProtocolError('malformedMessage', `undecodable update: ${String(error)}`)
  }
  // What the sender holds once it sent this: the clock its structs reach, per Yjs client.
  const reached = new Map<number, number>()
  for (const struct of decoded.structs) {
    const end = struct.id.clock + struct.length
    if (end > (reached.get(struct.id.client) ?? 0)) reached.set(struct.id.client, end)
  }
  // Applied with the rest of this turn's updates, in one transaction (Room.receiveUpdate).
  room.receiveUpdate(update, connection, reached)
}

function handleAwareness({ room, connection, decoder }: MessageContext): void {
  const update = decoding.readVarUint8Array(decoder)
  try {
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, connection)
  } catch (error) {
    throw new ProtocolError('malformedMessage', `bad awareness update: ${String(error)}`)
  }
}

function handleQueryAwareness({ room, connection }: MessageContext): void {
  const states = [...room.awareness.getStates().keys()]
  connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)))
}

function handleSavedSubscription({ room, connection }: MessageContext): void {
  connection.wantsSavedAcks = true
  connection.send(encodeSavedMessage(room.savedState))
}

function handleAccessSubscription({ connection }: MessageContext): void {
  connection.wantsAccessNotices = true
  connection.send(encodeAccessMessage(connection.access))
}

const handlers: Partial<Record<number, MessageHandler>> = {
  [MessageType.sync]: handleSync,
  [MessageType.awareness]: handleAwareness,
  [MessageType.queryAwareness]: handleQueryAwareness,
  [MessageType.saved]: handleSavedSubscription,
  [MessageType.access]: handleAccessSubscription,
}

/**
 * Reads one binary frame and acts on it. Throws a ProtocolError, naming the close code, for anything
 * malformed: an unknown type, a truncated frame, trailing bytes.
 */
export function handleMessage(room: Room, connection: Connection, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame)
  let messageType: number
  try {
    messageType = decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('malformedMessage', 'empty or truncated frame')
  }
  const handler = handlers[messageType]
  if (!handler) throw new ProtocolError('unknownMessageType', `message type ${messageType}`)
  try {
    handler({ room, connection, decoder })
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformedMessage', `truncated or malformed message: ${String(error)}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('malformedMessage', 'unexpected bytes after the message')
}
