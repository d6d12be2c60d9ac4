import { Hono } from 'hono'
import { z } from 'zod'
import type { ApiIssue, SourcesImportResult } from '../../shared/apiTypes.js'
import { displayTitle } from '../../shared/documentTitle.js'
import { importSources, readSources, validateCslImport, type ImportItemError } from '../../shared/sources/index.js'
import { API_ORIGIN } from '../collab/origins.js'
import type { DocumentRecord } from '../storage/Storage.js'
import { ApiError } from './ApiError.js'
import type { ApiDeps } from './apiDeps.js'
import type { AppEnv } from './appEnv.js'
import { requireLiveDocumentAccess } from './documentAccess.js'
import { inRoom } from './liveDocument.js'
import { readJsonBody } from './validation.js'

/** How many refused items the error message spells out (all of them are in `items`). */
const ITEMS_IN_MESSAGE = 3

/**
 * `/api/docs/:id/sources`: the document's sources as a CSL-JSON array (GET), and a CSL-JSON import (POST).
 * Both go through the document's live room, so connected editors see an import at once. Any member may read
 * them; importing is for owners and editors. The body limit (5 MB by default) is set in `http/bodyLimits.ts`.
 */
export function sourcesRoutes({ collab, policy }: ApiDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/:id/sources', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'read its sources')
    const items = await inRoom(collab, record.id, (room) => readSources(room.doc))
    // Live data: a cached copy would hide what colleagues added since.
    c.header('cache-control', 'no-store')
    if (c.req.query('download') === '1') c.header('content-disposition', `attachment; filename="${downloadName(record)}"`)
    return c.json(items)
  })

  routes.post('/:id/sources', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'edit', 'change its sources')
    const checked = validateCslImport(await readJsonBody(c, z.unknown()))
    if (!checked.ok) throw importRefused(checked.message, checked.errors)
    const outcome: SourcesImportResult = await inRoom(collab, record.id, (room) => importSources(room.doc, checked.items, API_ORIGIN))
    return c.json(outcome, 201)
  })

  return routes
}

/** The 400 for a refused import: every item's problems, the first few spelled out in the message. */
function importRefused(summary: string, errors: ImportItemError[]): ApiError {
  const described = errors.slice(0, ITEMS_IN_MESSAGE).map(
    ({ index, id, issues }) => `Item ${index + 1}${id ? ` ("${id}")` : ''}: ${issues.map((issue) => issue.message).join('; ')}.`,
  )
  if (errors.length > ITEMS_IN_MESSAGE) described.push(`And ${errors.length - ITEMS_IN_MESSAGE} more.`)
  const message = [`${summary}.`, ...described].join(' ')
  const issues: ApiIssue[] = errors.flatMap(({ index, issues }) =>
    issues.map((issue) => ({ path: `[${index}]${issue.path ? `.${issue.path}` : ''}`, message: issue.message })),
  )
  return new ApiError(400, 'invalid_import', message, issues, errors)
}

/** `<title>-sources.json`, kept to characters every browser and file system accepts. */
function downloadName(record: DocumentRecord): string {
  const slug = displayTitle(record.title)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  return `${slug || record.id}-sources.json`
}
