/**
 * The little a collaboration connection needs from a websocket. Room and Connection only see this, so they
 * import neither `ws` nor Hono, and tests can drive them with any object that fits.
 */
export interface CollabSocket {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number
  readonly isOpen: boolean
}
