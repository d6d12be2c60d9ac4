import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import { encodeUpdateMessage } from './messages.js'
import type { TransactionOrigin } from './origins.js'

/** One transaction's update, and who sent what it holds. */
export interface TurnEdit {
  update: Uint8Array
  senders: readonly TransactionOrigin[]
}

/**
 * Sends the edits of one event-loop turn as one message per connection. A turn whose edits all came from one
 * connection goes to everyone else, as is (exactly y-websocket's broadcast, for the usual case of one
 * keystroke per turn). When several sent, each sender gets the turn without what it wrote itself (`authored`:
 * the Yjs clocks its own updates reached). `merged` is all of `edits` merged (the caller stores it too).
 */
export function broadcastTurn(
  connections: Iterable<Connection>,
  edits: TurnEdit[],
  merged: Uint8Array,
  authored: ReadonlyMap<TransactionOrigin, Map<number, number>>,
): void {
  const senders = new Set(edits.flatMap((edit) => edit.senders))
  const onlySender = senders.size === 1 ? [...senders][0] : undefined
  const message = encodeUpdateMessage(merged)
  for (const connection of connections) {
    if (connection === onlySender) continue
    const own = authored.get(connection)
    connection.send(own ? encodeUpdateMessage(Y.diffUpdate(merged, Y.encodeStateVector(own))) : message)
  }
}
