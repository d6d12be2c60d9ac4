import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType } from './collabProtocol.js'

/** What a connection may do: `write` (owner, editor) or `read` (viewer: the server drops its edits). */
export type ConnectionAccess = 'read' | 'write'

/**
 * The "access" message (type 101), a Caucus extension like "saved": a client sends `[101]` to subscribe, and
 * the server answers `[101, varString(access)]` at once and again whenever the person's role on the document
 * changes while connected (a viewer promoted to editor, an editor lowered to viewer). Stock clients never send
 * 101, so they never receive it.
 */
export function encodeAccessMessage(access: ConnectionAccess): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.access)
  encoding.writeVarString(encoder, access)
  return encoding.toUint8Array(encoder)
}

/** Reads the access from a message whose type byte was already read; null when it is not one we know. */
export function readAccessMessage(decoder: decoding.Decoder): ConnectionAccess | null {
  const access = decoding.readVarString(decoder)
  return access === 'read' || access === 'write' ? access : null
}
