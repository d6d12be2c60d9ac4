import type { Connection } from './Connection.js'

/**
 * Who caused a Yjs transaction on a room's document. Broadcast skips the connection that sent an update;
 * persistence skips what it loaded itself. `'api'` is a change made over HTTP (e.g. a CSL-JSON import): it
 * has no sender to skip, so every connection receives it, and it is persisted like any edit.
 */
export type TransactionOrigin = Connection | 'load' | 'api' | 'clients' | 'remote'

export const LOAD_ORIGIN = 'load' as const
export const API_ORIGIN = 'api' as const
/** The updates clients sent in one turn, applied together (each with its sender as the inner origin). */
export const CLIENTS_ORIGIN = 'clients' as const
/** An edit or presence change that another process relayed (see relay/): shown and saved here, never sent back. */
export const REMOTE_ORIGIN = 'remote' as const
