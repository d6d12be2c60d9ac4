import * as encoding from 'lib0/encoding'
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
