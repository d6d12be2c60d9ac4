import type { Connection } from './Connection.js'

/**
 * Who caused a Yjs transaction on a room's document. Broadcast skips the connection that sent an update;
 * persistence skips what it loaded itself.
 */
export type TransactionOrigin = Connection | 'load'

export const LOAD_ORIGIN = 'load' as const
