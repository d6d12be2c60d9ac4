import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import { encodeUpdateMessage } from './messages.js'
import type { TransactionOrigin } from './origins.js'

/** One transaction's update, and who made it. */
export interface TurnEdit {
  update: Uint8Array
  origin: TransactionOrigin
}

/**
 * Sends the edits of one event-loop turn as one message per connection: each connection gets everything it did
 * not send itself, merged into a single update. Under load this replaces many small frames (each a syscall here
 * and a decode in every client) with one; with a single edit it is exactly y-websocket's broadcast.
 * `merged` is all of `edits` merged (the caller needs it for storage too).
 */
export function broadcastTurn(connections: Iterable<Connection>, edits: TurnEdit[], merged: Uint8Array): void {
  const senders = new Set<TransactionOrigin>(edits.map((edit) => edit.origin))
  const toEveryone = encodeUpdateMessage(merged)
  for (const connection of connections) {
    if (!senders.has(connection)) {
      connection.send(toEveryone)
      continue
    }
    // A sender already has its own edits; it only needs the others' (none when it was the only sender).
    if (senders.size === 1) continue
    const others = edits.filter((edit) => edit.origin !== connection).map((edit) => edit.update)
    if (others.length > 0) connection.send(encodeUpdateMessage(others.length === 1 ? others[0]! : Y.mergeUpdates(others)))
  }
}
