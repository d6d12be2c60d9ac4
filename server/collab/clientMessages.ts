import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.js'
import type { UpdateStruct } from '../../shared/schemaCheck/updatePlaces.js'
import { ProtocolError } from './ProtocolError.js'

/** A Yjs update from a client, decoded once: its bytes are what is applied, stored and broadcast. */
export interface ClientUpdate {
  bytes: Uint8Array
  structs: UpdateStruct[]
  /** True when it neither inserts nor deletes anything (a client in sync answers sync step 1 with one). */
  isEmpty: boolean
}

/** One frame from a client, decoded and checked whole: nothing of a frame is acted on before all of it is read. */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** A sync step 2 or an update: both carry an update, and both are applied alike. */
  | { kind: 'update'; update: ClientUpdate }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'savedSubscription' }
  | { kind: 'accessSubscription' }

type Reader = (decoder: decoding.Decoder) => ClientMessage

function readSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder)
  switch (step) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = decoding.readVarUint8Array(decoder)
      Y.decodeStateVector(stateVector)
      return { kind: 'syncStep1', stateVector }
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      return { kind: 'update', update: decodeClientUpdate(decoding.readVarUint8Array(decoder)) }
    default:
      throw new ProtocolError('malformedMessage', `unknown sync step ${step}`)
  }
}

function decodeClientUpdate(bytes: Uint8Array): ClientUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(bytes)
  } catch (error) {
    throw new ProtocolError('malformedMessage', `undecodable update: ${String(error)}`)
  }
  return { bytes, structs: decoded.structs, isEmpty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 }
}

/** Reads an awareness update through to its end (y-protocols would apply its entries one by one as it reads). */
function readAwareness(decoder: decoding.Decoder): ClientMessage {
  const update = decoding.readVarUint8Array(decoder)
  const entries = decoding.createDecoder(update)
  for (let count = decoding.readVarUint(entries); count > 0; count--) {
    decoding.readVarUint(entries) // client id
    decoding.readVarUint(entries) // clock
    JSON.parse(decoding.readVarString(entries))
  }
  if (decoding.hasContent(entries)) throw new ProtocolError('malformedMessage', 'unexpected bytes after the awareness entries')
  return { kind: 'awareness', update }
}

const readers: Partial<Record<number, Reader>> = {
  [MessageType.sync]: readSync,
  [MessageType.awareness]: readAwareness,
  [MessageType.queryAwareness]: () => ({ kind: 'queryAwareness' }),
  [MessageType.saved]: () => ({ kind: 'savedSubscription' }),
  [MessageType.access]: () => ({ kind: 'accessSubscription' }),
}

/**
 * Decodes one binary frame into a message. Throws a ProtocolError, naming the close code, for anything
 * malformed: an unknown type, a truncated frame, an undecodable update, trailing bytes.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame)
  let messageType: number
  try {
    messageType = decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('malformedMessage', 'empty or truncated frame')
  }
  const read = readers[messageType]
  if (!read) throw new ProtocolError('unknownMessageType', `message type ${messageType}`)
  let message: ClientMessage
  try {
    message = read(decoder)
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformedMessage', `truncated or malformed message: ${String(error)}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('malformedMessage', 'unexpected bytes after the message')
  return message
}
