import type { Room } from './Room.js'
import type { RoomRegistry } from './RoomRegistry.js'

/** How long an HTTP change waits for storage to confirm it before the caller is told it is not saved yet. */
export const DEFAULT_SAVE_TIMEOUT_MS = 10_000

/** Why `withRoom` could not do its job: the room did not load, or a change was not confirmed saved in time. */
export type RoomTaskFailure = 'loadFailed' | 'notSaved'

/** A failure of `withRoom`, carrying its reason; the HTTP layer turns it into a 503 the caller can act on. */
export class RoomTaskError extends Error {
  constructor(
    readonly reason: RoomTaskFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'RoomTaskError'
  }
}

export interface WithRoomOptions {
  /** @default DEFAULT_SAVE_TIMEOUT_MS */
  saveTimeoutMs?: number
}

/**
 * Runs `task` on a document's live room, the same one its websocket clients share, so what it writes reaches
 * them at once and is stored through the room's normal (group-commit) path. `task` is synchronous: nothing
 * else can touch the document between its reads and its writes. When it changed the document, this resolves
 * only once storage has committed the change. The room is released afterwards (unloaded if nobody uses it).
 */
export async function withRoom<T>(
  registry: RoomRegistry,
  docId: string,
  task: (room: Room) => T,
  options: WithRoomOptions = {},
): Promise<T> {
  let room: Room
  // A room can be unloaded between its load resolving and this code running; one that was no longer saves
  // anything, so load the document again rather than write into it. Nothing may await after this check.
  do room = await load(registry, docId)
  while (room.isDestroyed)

  try {
    let changed = false
    const onUpdate = () => (changed = true)
    room.doc.on('update', onUpdate)
    let result: T
    try {
      result = task(room)
    } finally {
      room.doc.off('update', onUpdate)
    }
    if (result instanceof Promise) throw new TypeError('withRoom: the task must be synchronous')
    if (changed) await savedWithin(room, options.saveTimeoutMs ?? DEFAULT_SAVE_TIMEOUT_MS)
    return result
  } finally {
    // Not awaited: it waits for pending writes (ours are done) before unloading.
    void registry.releaseIfIdle(room)
  }
}

/**
 * `withRoom` for a task that awaits (taking a version waits for storage): every change the task makes while it
 * runs is waited for until stored. The task itself must keep its reads and writes of the document together in
 * one synchronous stretch where they belong together.
 */
export async function withRoomAsync<T>(registry: RoomRegistry, docId: string, task: (room: Room) => Promise<T>, options: WithRoomOptions = {}): Promise<T> {
  let room: Room
  do room = await load(registry, docId)
  while (room.isDestroyed)
  try {
    let changed = false
    const onUpdate = () => (changed = true)
    room.doc.on('update', onUpdate)
    let result: T
    try {
      result = await task(room)
    } finally {
      room.doc.off('update', onUpdate)
    }
    if (changed) await savedWithin(room, options.saveTimeoutMs ?? DEFAULT_SAVE_TIMEOUT_MS)
    return result
  } finally {
    void registry.releaseIfIdle(room)
  }
}

async function load(registry: RoomRegistry, docId: string): Promise<Room> {
  try {
    return await registry.acquire(docId)
  } catch (error) {
    throw new RoomTaskError('loadFailed', `loading ${docId} failed`, { cause: error })
  }
}

async function savedWithin(room: Room, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
  try {
    // The room keeps retrying a failed write; the change stays in memory and reaches storage once it recovers.
    const outcome = await Promise.race([room.whenCurrentStateSaved(), timedOut])
    if (outcome === 'timeout') throw new RoomTaskError('notSaved', `saving ${room.docId} did not finish within ${timeoutMs} ms`)
  } finally {
    clearTimeout(timer)
  }
}
