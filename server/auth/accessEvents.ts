/**
 * What changed about who may open what: one document's members or links, or one person's sign-ins and
 * tokens. Open websocket connections in that scope are re-checked (CollabServer.recheckAccess).
 */
export interface AccessChange {
  docId?: string
  userId?: string
}

export type AccessChangeListener = (change: AccessChange) => void

/** The auth layer's announcements that access changed; `listen.ts` connects them to the collaboration server. */
export class AccessEvents {
  private readonly listeners = new Set<AccessChangeListener>()

  /** Subscribes; returns the unsubscribe function. */
  on(listener: AccessChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(change: AccessChange): void {
    for (const listener of this.listeners) listener(change)
  }
}
