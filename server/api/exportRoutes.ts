import { Hono } from 'hono'
import { displayTitle } from '../../shared/documentTitle.js'
import { EXPORT_STYLES, FURTHER_READING_OPTIONS, type ExportStyle } from '../../shared/export/exportOptions.js'
import { safeFilename } from '../../shared/export/safeFilename.js'
import { ApiError } from './ApiError.js'
import type { ApiDeps } from './apiDeps.js'
import type { AppEnv } from './appEnv.js'
import { requireLiveDocumentAccess } from './documentAccess.js'
import { inRoom } from './liveDocument.js'

/** A query option from its allowed values (the fallback when absent); 400 `invalid_<name>` for anything else. */
export function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new ApiError(400, `invalid_${name}`, `Unknown ${name} "${value}": use one of ${allowed.join(', ')}.`)
}

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/**
 * `GET /api/docs/:id/export.md?style=notes|pandoc&furtherReading=cited|all|none&frontMatter=1`: the
 * statement as markdown, read from its live room (so edits not yet written are included).
 */
export function exportRoutes({ collab, policy }: ApiDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  routes.get('/:id/export.md', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'export it')
    const style = pick<ExportStyle>(c.req.query('style'), EXPORT_STYLES, 'notes', 'style')
    const furtherReading = pick(c.req.query('furtherReading'), FURTHER_READING_OPTIONS, 'cited', 'furtherReading')
    const frontMatter = ['1', 'true'].includes(c.req.query('frontMatter') ?? '')
    // Loaded on first use: the serializer brings ProseMirror and markdown-it, which a server that never
    // exports should not pay for in start-up time and memory.
    const { exportMarkdown } = await import('../../shared/export/exportMarkdown.js')
    const markdown = await inRoom(collab, record.id, (room) =>
      exportMarkdown(room.doc, {
        style,
        furtherReading,
        frontMatter: frontMatter ? { title: record.title || undefined, date: new Date().toISOString().slice(0, 10) } : false,
      }),
    )
    c.header('content-type', 'text/markdown; charset=utf-8')
    c.header('content-disposition', attachmentHeader(safeFilename(displayTitle(record.title))))
    c.header('cache-control', 'no-store')
    return c.body(markdown)
  })
  return routes
}
