/**
 * The y-websocket wire protocol, plus one Caucus extension.
 *
 * Message types 0–3 are y-websocket's. Type 100 ("saved") is ours: a client sends `[100]` to subscribe, and
 * from then on the server sends `[100, varUint8Array(stateVector)]` each time its durable storage advances;
 * the state vector describes exactly what has been committed. Type 101 ("access", shared/accessNotice.ts)
 * tells a client that subscribed whether it may write, and when that changes. Stock clients never send 100 or
 * 101, so they never receive them.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 100,
  access: 101,
} as const

export type MessageTypeName = keyof typeof MessageType

/** Collaboration endpoint path prefix: a client connects to `${COLLAB_PATH}/<docId>`. */
export const COLLAB_PATH = '/collab'

/** Largest websocket frame the server accepts (bytes). */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024
