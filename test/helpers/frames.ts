import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.js'

/** `[sync, update, bytes]`, as a provider sends a local edit; `trailing` bytes appended after it, if any. */
export function updateFrame(update: Uint8Array, trailing: Uint8Array = new Uint8Array(0)): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  encoding.writeUint8Array(encoder, trailing)
  return encoding.toUint8Array(encoder)
}

/** The update that `change` makes to a copy of `base` (a client that holds `base` and edits it). */
export function updateOn(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

/** One client id's presence as it travels in an awareness update (`state` null: removed). */
export interface PresenceEntryFrame {
  clientId: number
  clock: number
  state: unknown
}

/** `[awareness, update]` carrying exactly these entries, whatever they claim (the bytes a forger would send). */
export function awarenessFrame(entries: readonly PresenceEntryFrame[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}

/** The entries of an awareness message from the server. */
export function readAwarenessFrame(frame: Uint8Array): PresenceEntryFrame[] {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MessageType.awareness) throw new Error('not an awareness message')
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const entries: PresenceEntryFrame[] = []
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    entries.push({ clientId: decoding.readVarUint(update), clock: decoding.readVarUint(update), state: JSON.parse(decoding.readVarString(update)) })
  }
  return entries
}

/** `[queryAwareness]`: always answered with everyone's presence, so its answer shows that the frames before it were read. */
export const QUERY_AWARENESS = Uint8Array.of(MessageType.queryAwareness)

/** `[sync, step 2, update]`, as a client answers the server's sync step 1. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
