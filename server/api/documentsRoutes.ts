import { Hono } from 'hono'
import { CreateDocumentBody, UpdateDocumentBody, type DocumentInfo, type DocumentRole, type DocumentsPage } from '../../shared/apiTypes.js'
import { newDocId } from '../../shared/docId.js'
import type { ListCursor } from '../auth/AccountStore.js'
import type { DocumentRecord } from '../storage/Storage.js'
import { ApiError } from './ApiError.js'
import type { ApiDeps } from './apiDeps.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { requireDocumentAccess } from './documentAccess.js'
import { readJsonBody } from './validation.js'

export const toInfo = (record: DocumentRecord, role?: DocumentRole): DocumentInfo => ({
  id: record.id,
  title: record.title,
  createdAt: new Date(record.createdAt).toISOString(),
  updatedAt: new Date(record.updatedAt).toISOString(),
  deletedAt: record.deletedAt === null ? null : new Date(record.deletedAt).toISOString(),
  ...(role ? { role } : {}),
})

export const DEFAULT_PAGE_SIZE = 100
export const MAX_PAGE_SIZE = 200

const encodeCursor = (cursor: ListCursor): string => Buffer.from(`${cursor.at}.${cursor.id}`).toString('base64url')

function decodeCursor(raw: string | undefined): ListCursor | null {
  if (raw === undefined || raw === '') return null
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(raw, 'base64url').toString())
  if (!match) throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this server gave out: start again from the first page.')
  return { at: Number(match[1]), id: match[2]! }
}

function pageSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZE
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, 'invalid_limit', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
  }
  return limit
}

/**
 * `/api/docs`: list (the documents the person is a member of, paginated), create (the creator owns it),
 * read, rename (owners and editors), trash, restore and purge (owners).
 */
export function documentsRoutes({ storage, collab, accounts, policy }: ApiDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/', async (c) => {
    const principal = requirePrincipal(c)
    const page = await accounts.store.listDocumentsFor(principal.userId, {
      trashed: c.req.query('trashed') === 'true',
      limit: pageSize(c.req.query('limit')),
      after: decodeCursor(c.req.query('cursor')),
    })
    const body: DocumentsPage = {
      documents: page.items.map(({ record, role }) => toInfo(record, role)),
      nextCursor: page.next && encodeCursor(page.next),
    }
    return c.json(body)
  })

  // A new statement has no title until someone gives it one (shown as "Untitled statement").
  routes.post('/', async (c) => {
    const principal = requirePrincipal(c)
    const body = await readJsonBody(c, CreateDocumentBody)
    const record = await storage.createDocument({ id: newDocId(), title: body.title ?? '', now: Date.now() })
    await accounts.store.addMember(record.id, principal.userId, 'owner', record.createdAt)
    return c.json({ document: toInfo(record, 'owner') }, 201)
  })

  routes.get('/:id', async (c) => {
    const { record, role } = await requireDocumentAccess(c, policy, c.req.param('id'), 'read')
    return c.json({ document: toInfo(record, role) })
  })

  routes.patch('/:id', async (c) => {
    const { record, role } = await requireDocumentAccess(c, policy, c.req.param('id'), 'rename')
    const body = await readJsonBody(c, UpdateDocumentBody)
    const updated = await storage.updateDocument(record.id, { title: body.title, now: Date.now() })
    if (!updated) throw new ApiError(404, 'document_not_found', `No document with id "${record.id}" exists.`)
    return c.json({ document: toInfo(updated, role) })
  })

  // DELETE moves a document to the trash; `?permanent=true` removes a trashed document for good.
  routes.delete('/:id', async (c) => {
    const { record, role } = await requireDocumentAccess(c, policy, c.req.param('id'), 'trash')
    if (c.req.query('permanent') === 'true') {
      if (record.deletedAt === null) {
        throw new ApiError(409, 'not_in_trash', 'Move the document to the trash before deleting it permanently.')
      }
      await storage.purgeDocument(record.id)
      return c.json({ deleted: record.id })
    }
    const updated = await storage.updateDocument(record.id, { deletedAt: Date.now(), now: Date.now() })
    collab.disconnectDocument(record.id, 'documentDeleted')
    return c.json({ document: toInfo(updated ?? record, role) })
  })

  routes.post('/:id/restore', async (c) => {
    const { record, role } = await requireDocumentAccess(c, policy, c.req.param('id'), 'trash')
    const updated = await storage.updateDocument(record.id, { deletedAt: null, now: Date.now() })
    return c.json({ document: toInfo(updated ?? record, role) })
  })

  return routes
}
