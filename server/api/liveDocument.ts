import { DOC_ID_RULE, isValidDocId } from '../../shared/docId.js'
import type { CollabServer } from '../collab/CollabServer.js'
import type { Room } from '../collab/Room.js'
import { RoomTaskError, withRoom } from '../collab/withRoom.js'
import type { DocumentRecord, Storage } from '../storage/Storage.js'
import { ApiError } from './ApiError.js'

/** The record of a document that exists and is not in the trash, or the API error saying why not. */
export async function requireLiveRecord(storage: Storage, id: string, purpose: string): Promise<DocumentRecord> {
  if (!isValidDocId(id)) throw new ApiError(400, 'invalid_doc_id', `"${id}" is not a valid document id (${DOC_ID_RULE}).`)
  const record = await storage.getDocument(id)
  if (!record) throw new ApiError(404, 'document_not_found', `No document with id "${id}" exists.`)
  if (record.deletedAt !== null) {
    throw new ApiError(410, 'document_in_trash', `Document "${id}" is in the trash. Restore it to ${purpose}.`)
  }
  return record
}

/** `withRoom` (the document's live room), with its failures said in words for the caller. */
export async function inRoom<T>(collab: CollabServer, docId: string, task: (room: Room) => T): Promise<T> {
  try {
    return await withRoom(collab.rooms, docId, task)
  } catch (error) {
    if (!(error instanceof RoomTaskError)) throw error
    collab.log(`API: ${error.message}`, error.cause)
    if (error.reason === 'loadFailed') {
      throw new ApiError(503, 'storage_unavailable', 'The document could not be loaded because storage is not responding. Nothing was changed; please try again in a minute.')
    }
    throw new ApiError(503, 'not_saved_yet', 'The change reached the open document, but storage has not confirmed saving it yet (the server keeps retrying). Check the document before trying again.')
  }
}
