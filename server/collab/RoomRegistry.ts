import type { Storage } from '../storage/Storage.js'
import { Room, type RoomOptions } from './Room.js'

/**
 * Loads each document's room once, shares it between its connections, and unloads it when the last one
 * leaves and its edits are written. A failed load leaves no trace, so the next connection tries again.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>()

  constructor(
    private readonly storage: Storage,
    private readonly options: RoomOptions,
  ) {}

  get loadedCount(): number {
    return this.rooms.size
  }

  /** The live room for a document, loading it from storage if needed. */
  acquire(docId: string): Promise<Room> {
    let room = this.rooms.get(docId)
    if (!room) {
      const started = performance.now()
      room = Room.load(docId, this.storage, this.options)
      this.rooms.set(docId, room)
      void room.then(
        (loaded) => this.options.log('room loaded', undefined, { level: 'info', event: 'room.loaded', docId, entries: loaded.stored.entrySizes.length, ms: Math.round(performance.now() - started) }),
        () => {
          // Whoever asked for the room reports the failure (a connection, an API route).
          if (this.rooms.get(docId) === room) this.rooms.delete(docId)
        },
      )
    }
    return room
  }

  /** The loaded room for a document, if any (does not load). */
  async peek(docId: string): Promise<Room | undefined> {
    const room = this.rooms.get(docId)
    return room ? room.catch(() => undefined) : undefined
  }

  /** Call when a room may have become empty: unloads it once its edits are stored. */
  async releaseIfIdle(room: Room): Promise<void> {
    if (room.connections.size > 0) return
    await room.whenSavedAndCompacted()
    const current = await this.rooms.get(room.docId)?.catch(() => undefined)
    // Checked after the last await, right before unloading: while we waited someone may have joined, or
    // written through the HTTP API (those edits must not be dropped with the room).
    if (current !== room || room.connections.size > 0 || room.hasUnsavedEdits) return
    this.rooms.delete(room.docId)
    room.destroy()
    this.options.log('room unloaded', undefined, { level: 'info', event: 'room.unloaded', docId: room.docId })
  }

  /** Writes every room's pending edits (waiting at most `timeoutMs`) and unloads them all. */
  async closeAll(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    // Loop: a room may still have been loading when we started.
    while (this.rooms.size > 0) {
      const pending = [...this.rooms.entries()]
      const rooms = await Promise.all(pending.map(([, room]) => room.catch(() => undefined)))
      // Saved, then folded into one entry each, so that after a restart the first client is served the stored bytes.
      const saves = Promise.all(rooms.map((room) => room?.whenSavedAndCompacted()))
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()))))
      const outcome = await Promise.race([saves, timedOut])
      clearTimeout(timer)
      if (outcome === 'timeout') {
        const unsaved = rooms.filter((room) => room?.hasUnsavedEdits).map((room) => room!.docId)
        const message = unsaved.length > 0 ? `shutdown: edits to ${unsaved.length} documents could not be saved before the timeout` : 'shutdown: every edit is saved, but not every log was compacted before the timeout'
        this.options.log(message, undefined, { level: unsaved.length > 0 ? 'error' : 'warn', event: 'shutdown.timeout', docIds: unsaved })
      }
      for (const [docId, room] of pending) {
        this.rooms.delete(docId)
        void room.then(
          (loaded) => {
            // Its last connection's release may have unloaded it already.
            if (loaded.isDestroyed) return
            loaded.destroy()
            this.options.log('room unloaded', undefined, { level: 'info', event: 'room.unloaded', docId })
          },
          () => {},
        )
      }
    }
  }
}
