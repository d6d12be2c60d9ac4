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

/** One client id's presence in an awareness update: `state` null removes it. */
export interface PresenceEntry {
  clientId: number
  clock: number
  state: unknown
}

/** What decoding needs to know of the server's limits. */
export interface DecodeLimits {
  /** Largest presence state, as JSON bytes: a bigger one is refused before it is parsed. */
  maxPresenceBytes: number
}

/** One frame from a client, decoded and checked whole: nothing of a frame is acted on before all of it is read. */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** A sync step 2 or an update: both carry an update, and both are applied alike. */
  | { kind: 'update'; update: ClientUpdate }
  | { kind: 'awareness'; entries: PresenceEntry[] }
  | { kind: 'queryAwareness' }
  | { kind: 'savedSubscription' }
  | { kind: 'accessSubscription' }

type Reader = (decoder: decoding.Decoder, limits: DecodeLimits) => ClientMessage

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

const utf8 = new TextDecoder()

/**
 * Reads an awareness update through to its end (y-protocols would apply its entries one by one as it reads). Each
 * state's size is checked before its JSON is parsed, so a huge state costs the server no parsing.
 */
function readAwareness(decoder: decoding.Decoder, limits: DecodeLimits): ClientMessage {
  const entries = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const read: PresenceEntry[] = []
  for (let count = decoding.readVarUint(entries); count > 0; count--) {
    const clientId = decoding.readVarUint(entries)
    const clock = decoding.readVarUint(entries)
    const json = decoding.readVarUint8Array(entries)
    if (json.length > limits.maxPresenceBytes) {
      throw new ProtocolError('presenceTooLarge', `a presence state of ${json.length} bytes (at most ${limits.maxPresenceBytes})`)
    }
    read.push({ clientId, clock, state: JSON.parse(utf8.decode(json)) as unknown })
  }
  if (decoding.hasContent(entries)) throw new ProtocolError('malformedMessage', 'unexpected bytes after the awareness entries')
  return { kind: 'awareness', entries: read }
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
export function decodeClientMessage(frame: Uint8Array, limits: DecodeLimits): ClientMessage {
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
    message = read(decoder, limits)
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformedMessage', `truncated or malformed message: ${String(error)}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('malformedMessage', 'unexpected bytes after the message')
  return message
}
