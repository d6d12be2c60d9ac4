import { MAX_FRAME_BYTES } from '../../shared/collabProtocol.js'

/**
 * How much one websocket client may send or hold. Every limit is set by the operator (server/config.ts, README
 * "Configuration"); going over one closes the connection with a named code (or, for connections per address,
 * refuses the upgrade with HTTP 429) and sends nothing of the document.
 */
export interface CollabLimits {
  /** Largest websocket frame (bytes); a bigger one is refused before it is read (4413 `frameTooLarge`). */
  maxFrameBytes: number
  /** Messages per second one connection may keep up (a token bucket refilled at this rate)… */
  messagesPerSecond: number
  /** …and how many it may send at once above that rate (the bucket's size). Over it: 4529 `tooManyMessages`. */
  messageBurst: number
  /**
   * Presence changes per second one account may make, over all its connections and reconnections (a token bucket
   * kept per account)… A stock y-websocket client sends every presence change it receives back to the server, so
   * each change one client makes costs every other client in the room a message: this keeps one person from
   * spending everyone else's message budget.
   */
  presencePerSecond: number
  /** …and how many at once above that rate. Over it: 4529 `tooManyMessages`. */
  presenceBurst: number
  /** Largest presence (awareness) state of one client id, as JSON bytes (4431 `presenceTooLarge`). */
  maxPresenceBytes: number
  /** Presence client ids one connection may hold (a browser tab holds one; 4432 `tooManyClientIds`). */
  maxClientIdsPerConnection: number
  /** Open collaboration connections per account, over all documents (4429 `tooManyConnections`). */
  maxConnectionsPerAccount: number
  /** Open (or opening) collaboration connections per client address (HTTP 429 at the upgrade). */
  maxConnectionsPerAddress: number
}

/**
 * The defaults leave room for real people: a fast typist sends about 30 messages a second (an edit and a cursor
 * move per keystroke), a paste or a reconnect with offline edits is one message, and a 50-page statement pasted
 * at once is well under a megabyte. Every client also sends back each presence change of everyone else in the
 * room (y-websocket does), so the message rate must leave room for a busy room's cursors: 50 people moving theirs
 * ten times a second make 500 messages a second for every client. Dragging a selection moves a cursor with every
 frame drawn (60 a second), which is the presence budget. A school or an office behind one address may
 * have many people in it.
 */
export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  messagesPerSecond: 1_000,
  messageBurst: 5_000,
  presencePerSecond: 60,
  presenceBurst: 600,
  maxPresenceBytes: 32 * 1024,
  maxClientIdsPerConnection: 8,
  maxConnectionsPerAccount: 50,
  maxConnectionsPerAddress: 500,
}
