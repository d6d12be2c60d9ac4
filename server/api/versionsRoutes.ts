import { Hono } from 'hono'
import { displayTitle } from '../../shared/documentTitle.js'
import { EXPORT_STYLES, FURTHER_READING_OPTIONS, type ExportStyle } from '../../shared/export/exportOptions.js'
import { safeFilename } from '../../shared/export/safeFilename.js'
import { CreateVersionBody, type RestoreAnswer, type VersionContentAnswer, type VersionDiffAnswer, type VersionsPage } from '../../shared/versions/versionApi.js'
import type { Room } from '../collab/Room.js'
import { API_ORIGIN } from '../collab/origins.js'
import type { VersionAuthor } from '../storage/VersionStore.js'
import type { RoomHistory } from '../versions/RoomHistory.js'
import { restoreContent } from '../versions/restoreContent.js'
import { loadVersion, type LoadedVersion } from '../versions/versionDocument.js'
import { ApiError } from './ApiError.js'
import type { ApiDeps } from './apiDeps.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { requireLiveDocumentAccess } from './documentAccess.js'
import { attachmentHeader, pick } from './exportRoutes.js'
import { inRoomAsync } from './liveDocument.js'
import { readJsonBody } from './validation.js'
import { toVersionInfo, versionNotFound, versionNumber } from './versionInfo.js'

const DEFAULT_PAGE = 100
const MAX_PAGE = 500

function pageSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new ApiError(400, 'invalid_limit', `limit must be a whole number from 1 to ${MAX_PAGE}.`)
  return limit
}

/** The live room's history (every room of the collaboration server keeps one). */
export function historyOf(room: Room): RoomHistory {
  if (!room.history) throw new Error('this collaboration server keeps no version history')
  return room.history
}

export const authorOf = (principal: { userId: string; name: string }): VersionAuthor => ({ userId: principal.userId, name: principal.name })

/**
 * `/api/docs/:id/versions`: the version history. Members list, open, compare and export versions; owners and
 * editors name the current text as a version and restore an old one (as a new edit, live for everyone).
 * The markdown and ProseMirror code is loaded on first use, as for the live export.
 */
export function versionsRoutes({ storage, collab, policy }: ApiDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  const requireVersion = async (docId: string, raw: string): Promise<LoadedVersion> => {
    const number = versionNumber(raw)
    const loaded = await loadVersion(storage, docId, number)
    if (!loaded) throw versionNotFound(docId, number)
    return loaded
  }

  routes.get('/:id/versions', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'see its versions')
    const limit = pageSize(c.req.query('limit'))
    const beforeRaw = c.req.query('before')
    const before = beforeRaw === undefined || beforeRaw === '' ? undefined : versionNumber(beforeRaw)
    const versions = await storage.versions.list(record.id, { limit, before })
    const body: VersionsPage = { versions: versions.map(toVersionInfo), nextBefore: versions.length === limit ? versions.at(-1)!.number : null }
    c.header('cache-control', 'no-store')
    return c.json(body)
  })

  routes.post('/:id/versions', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'edit', 'name a version')
    const { name } = await readJsonBody(c, CreateVersionBody)
    const by = authorOf(requirePrincipal(c))
    const version = await inRoomAsync(collab, record.id, (room) => historyOf(room).take({ kind: 'named', name, createdBy: by, restoredFrom: null, skipIfUnchanged: false }))
    return c.json({ version: toVersionInfo(version!) }, 201)
  })

  routes.get('/:id/versions/:v', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'see its versions')
    const { record: version, doc } = await requireVersion(record.id, c.req.param('v'))
    const [{ readStatement }, { contentHash }, { readSources }] = await Promise.all([
      import('../../shared/export/exportMarkdown.js'),
      import('../../shared/adoption/contentHash.js'),
      import('../../shared/sources/ySources.js'),
    ])
    const body: VersionContentAnswer = { version: toVersionInfo(version), statement: readStatement(doc).toJSON(), sources: readSources(doc), contentHash: await contentHash(doc) }
    return c.json(body)
  })

  routes.get('/:id/versions/:v/export.md', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'export it')
    const number = versionNumber(c.req.param('v'))
    const style = pick<ExportStyle>(c.req.query('style'), EXPORT_STYLES, 'notes', 'style')
    const furtherReading = pick(c.req.query('furtherReading'), FURTHER_READING_OPTIONS, 'cited', 'furtherReading')
    const yes = (name: string) => ['1', 'true'].includes(c.req.query(name) ?? '')
    const { exportVersion, VersionExportError } = await import('../versions/exportVersion.js')
    try {
      const { markdown, record: version } = await exportVersion(storage, record.id, number, { style, furtherReading, frontMatter: yes('frontMatter'), adopted: yes('adopted') })
      c.header('content-type', 'text/markdown; charset=utf-8')
      c.header('content-disposition', attachmentHeader(safeFilename(`${displayTitle(version.title)} (version ${number})`)))
      return c.body(markdown)
    } catch (error) {
      if (!(error instanceof VersionExportError)) throw error
      throw error.reason === 'notFound' ? versionNotFound(record.id, number) : new ApiError(409, 'not_adopted', error.message)
    }
  })

  routes.get('/:id/versions/:a/diff/:b', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'compare its versions')
    const [a, b] = [await requireVersion(record.id, c.req.param('a')), await requireVersion(record.id, c.req.param('b'))]
    const [{ readStatement }, { readSources }, { statementText }, { diffVersions }] = await Promise.all([
      import('../../shared/export/exportMarkdown.js'),
      import('../../shared/sources/ySources.js'),
      import('../../shared/versions/statementText.js'),
      import('../../shared/versions/versionDiff.js'),
    ])
    const side = (version: LoadedVersion) => ({ text: statementText(readStatement(version.doc)), sources: readSources(version.doc) })
    const body: VersionDiffAnswer = { from: a.record.number, to: b.record.number, ...diffVersions(side(a), side(b)) }
    return c.json(body)
  })

  routes.post('/:id/versions/:v/restore', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'edit', 'restore a version')
    const old = await requireVersion(record.id, c.req.param('v'))
    const by = authorOf(requirePrincipal(c))
    const { before, version } = await inRoomAsync(collab, record.id, (room) =>
      historyOf(room).restore(() => restoreContent(room.doc, old.doc, API_ORIGIN), by, old.record.number),
    )
    const body: RestoreAnswer = { version: toVersionInfo(version), before: before && toVersionInfo(before) }
    return c.json(body, 201)
  })

  return routes
}
