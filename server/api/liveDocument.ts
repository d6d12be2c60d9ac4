import type { CollabServer } from '../collab/CollabServer.js'
import type { Room } from '../collab/Room.js'
import { RoomTaskError, withRoom } from '../collab/withRoom.js'
import { ApiError } from './ApiError.js'

/** `withRoom` (the document's live room), with its failures said in words for the caller. */
export async function inRoom<T>(collab: CollabServer, docId: string, task: (room: Room) => T): Promise<T> {
  try {
    return await withRoom(collab.rooms, docId, task)
  } catch (error) {
    if (!(error instanceof RoomTaskError)) throw error
    collab.log(`API: ${error.message}`, error.cause, { event: error.reason === 'loadFailed' ? 'room.loadFailed' : 'save.notConfirmed', docId })
    if (error.reason === 'loadFailed') {
      throw new ApiError(503, 'storage_unavailable', 'The document could not be loaded because storage is not responding. Nothing was changed; please try again in a minute.')
    }
    throw new ApiError(503, 'not_saved_yet', 'The change reached the open document, but storage has not confirmed saving it yet (the server keeps retrying). Check the document before trying again.')
  }
}
