import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType } from '../../shared/collabProtocol.js'

/**
 * A Buffer view of an encoded message, made once per message: `ws` would otherwise wrap a plain Uint8Array in a
 * new Buffer for every connection it is sent to.
 */
const asBuffer = (bytes: Uint8Array): Uint8Array => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** `[sync, update, bytes]`: an update for clients that are already in sync. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return asBuffer(encoding.toUint8Array(encoder))
}

/** `[awareness, bytes]` */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return asBuffer(encoding.toUint8Array(encoder))
}
