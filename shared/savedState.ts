import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType } from './collabProtocol.js'

/**
 * What the server's storage holds, as a Yjs snapshot: the state vector (which inserts are stored) and the
 * delete set (which deletions are stored). A state vector alone would call a deletion "saved" before it was.
 */
export type SavedState = Y.Snapshot

/** Yjs's delete set (not exported by name). */
export type DeleteSet = Y.Snapshot['ds']

export const emptySavedState = (): SavedState => Y.emptySnapshot

/** `[saved, encodedSnapshot]`, the server's acknowledgement. */
export function encodeSavedMessage(saved: SavedState): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.saved)
  encoding.writeVarUint8Array(encoder, Y.encodeSnapshot(saved))
  return encoding.toUint8Array(encoder)
}

/** The one-byte subscription request a client sends. */
export function encodeSavedSubscription(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.saved)
  return encoding.toUint8Array(encoder)
}

/** True when every insert and every deletion in `doc` is covered by `saved`. Costs time linear in the doc. */
export function isDocSaved(doc: Y.Doc, saved: SavedState): boolean {
  const local = Y.snapshot(doc)
  for (const [client, clock] of local.sv) {
    if ((saved.sv.get(client) ?? 0) < clock) return false
  }
  return Y.equalDeleteSets(saved.ds, Y.mergeDeleteSets([saved.ds, local.ds]))
}

/**
 * Subscribes a y-websocket provider to the server's "saved" acknowledgements (Caucus message type 100):
 * handles `[100, snapshot]` and sends `[100]` each time the socket (re)connects, since the server keeps the
 * subscription per connection. Returns an unsubscribe function.
 */
export function subscribeSavedAcks(provider: WebsocketProvider, onSaved: (saved: SavedState) => void): () => void {
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    // Writing nothing to the encoder means y-websocket sends no reply.
    onSaved(Y.decodeSnapshot(decoding.readVarUint8Array(decoder)))
  }
  const subscribe = ({ status }: { status: string }) => {
    if (status === 'connected') provider.ws?.send(encodeSavedSubscription())
  }
  provider.on('status', subscribe)
  if (provider.wsconnected) subscribe({ status: 'connected' })
  return () => provider.off('status', subscribe)
}
