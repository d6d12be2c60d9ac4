import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { DocumentRole } from './apiTypes.js'
import { MessageType } from './collabProtocol.js'

/** What a connection may do: `write` (owner, editor) or `read` (viewer: the server drops its edits). */
export type ConnectionAccess = 'read' | 'write'

/**
 * The "access" message (type 101), a Caucus extension like "saved": a client sends `[101]` to subscribe, and
 * the server answers `[101, varString(access), varString(role)]` at once and again whenever the person's role on
 * the document changes while connected (a viewer promoted to editor, an editor lowered to viewer, an editor made
 * an owner, who may then share). Stock clients never send 101, so they never receive it.
 */
export function encodeAccessMessage(access: ConnectionAccess, role?: DocumentRole): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.access)
  encoding.writeVarString(encoder, access)
  if (role) encoding.writeVarString(encoder, role)
  return encoding.toUint8Array(encoder)
}

export interface AccessNotice {
  access: ConnectionAccess
  /** The person's role, when the server said it. */
  role: DocumentRole | null
}

const ROLES: readonly string[] = ['owner', 'editor', 'viewer'] satisfies DocumentRole[]

/** Reads a notice whose type byte was already read; null when its access is not one we know. */
export function readAccessMessage(decoder: decoding.Decoder): AccessNotice | null {
  const access = decoding.readVarString(decoder)
  if (access !== 'read' && access !== 'write') return null
  const role = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : null
  return { access, role: role !== null && ROLES.includes(role) ? (role as DocumentRole) : null }
}
