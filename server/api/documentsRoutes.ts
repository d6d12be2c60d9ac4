import { Hono } from 'hono'
import { CreateDocumentBody, UpdateDocumentBody, type DocumentInfo } from '../../shared/apiTypes.js'
import { DOC_ID_RULE, isValidDocId, newDocId } from '../../shared/docId.js'
import type { CollabServer } from '../collab/CollabServer.js'
import type { DocumentRecord, Storage } from '../storage/Storage.js'
import { ApiError } from './ApiError.js'
import { readJsonBody } from './validation.js'

export const toInfo = (record: DocumentRecord): DocumentInfo => ({
  id: record.id,
  title: record.title,
  createdAt: new Date(record.createdAt).toISOString(),
  updatedAt: new Date(record.updatedAt).toISOString(),
  deletedAt: record.deletedAt === null ? null : new Date(record.deletedAt).toISOString(),
})

/** `/api/docs`: list, create, rename, trash, restore and purge documents. */
export function documentsRoutes(storage: Storage, collab: CollabServer): Hono {
  const routes = new Hono()

  const requireDocument = async (id: string): Promise<DocumentRecord> => {
    if (!isValidDocId(id)) throw new ApiError(400, 'invalid_doc_id', `"${id}" is not a valid document id (${DOC_ID_RULE}).`)
    const record = await storage.getDocument(id)
    if (!record) throw new ApiError(404, 'document_not_found', `No document with id "${id}" exists.`)
    return record
  }

  routes.get('/', async (c) => {
    const trashed = c.req.query('trashed') === 'true'
    const documents = await storage.listDocuments({ trashed })
    return c.json({ documents: documents.map(toInfo) })
  })

  // A new statement has no title until someone gives it one (shown as "Untitled statement").
  routes.post('/', async (c) => {
    const body = await readJsonBody(c, CreateDocumentBody)
    const record = await storage.createDocument({ id: newDocId(), title: body.title ?? '', now: Date.now() })
    return c.json({ document: toInfo(record) }, 201)
  })

  routes.get('/:id', async (c) => {
    const record = await requireDocument(c.req.param('id'))
    return c.json({ document: toInfo(record) })
  })

  routes.patch('/:id', async (c) => {
    const record = await requireDocument(c.req.param('id'))
    const body = await readJsonBody(c, UpdateDocumentBody)
    const updated = await storage.updateDocument(record.id, { title: body.title, now: Date.now() })
    if (!updated) throw new ApiError(404, 'document_not_found', `No document with id "${record.id}" exists.`)
    return c.json({ document: toInfo(updated) })
  })

  // DELETE moves a document to the trash; `?permanent=true` removes a trashed document for good.
  routes.delete('/:id', async (c) => {
    const record = await requireDocument(c.req.param('id'))
    if (c.req.query('permanent') === 'true') {
      if (record.deletedAt === null) {
        throw new ApiError(409, 'not_in_trash', 'Move the document to the trash before deleting it permanently.')
      }
      await storage.purgeDocument(record.id)
      return c.json({ deleted: record.id })
    }
    const updated = await storage.updateDocument(record.id, { deletedAt: Date.now(), now: Date.now() })
    collab.disconnectDocument(record.id, 'documentDeleted')
    return c.json({ document: toInfo(updated ?? record) })
  })

  routes.post('/:id/restore', async (c) => {
    const record = await requireDocument(c.req.param('id'))
    const updated = await storage.updateDocument(record.id, { deletedAt: null, now: Date.now() })
    return c.json({ document: toInfo(updated ?? record) })
  })

  return routes
}
