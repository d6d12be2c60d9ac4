import type { Context } from 'hono'
import { stream } from 'hono/streaming'
import { isValidDocId } from '../../shared/docId.js'
import { toInfo } from '../api/documentsRoutes.js'
import type { AppEnv } from '../api/appEnv.js'
import type { DocumentPolicy } from '../auth/DocumentPolicy.js'
import type { CollabServer } from '../collab/CollabServer.js'
import { withRoom } from '../collab/withRoom.js'
import type { StatementHtmlCache } from './StatementHtmlCache.js'
import { statementPageTemplate } from './statementPage.js'

/**
 * `GET /d/<id>`: the app's page with the statement already rendered in it. The page's head (scripts, styles)
 * goes out at once and the statement follows when rendered, so the browser fetches the scripts meanwhile.
 * Anything that keeps the statement from being rendered (no such document, in the trash, storage down) serves
 * the plain page, where the app says what is wrong in its own words: the preview is a head start, never a new
 * way to fail. The statement is only rendered for someone the access policy lets read it: anyone else gets the
 * plain page (401 when signed out, 404 without a role), which holds nothing of the document.
 */
export function statementPageHandler(policy: DocumentPolicy, collab: CollabServer, indexHtml: string) {
  const template = statementPageTemplate(indexHtml)
  // The renderer brings ProseMirror and the editor's schema (about 8 MB, and a quarter of a second to load):
  // a server that serves the app loads (and warms up) it right after starting, not on the first page view; a
  // server that only relays edits (no client folder, so no statement pages) never does.
  let cache: Promise<StatementHtmlCache> | null = null
  const renderer = () => (cache ??= import('./StatementHtmlCache.js').then((module) => new module.StatementHtmlCache()))
  setImmediate(() =>
    renderer()
      .then(() => import('./warmUp.js'))
      .then((module) => module.warmUpRenderer())
      .catch((error) => collab.log('the statement page renderer failed to load; pages are served without the statement', error, { event: 'preview.rendererFailed' })),
  )
  return async (c: Context<AppEnv>) => {
    const docId = c.req.param('docId') ?? ''
    if (!template || !isValidDocId(docId)) return c.html(indexHtml)
    const verdict = await policy.check(c.get('principal'), docId, 'read').catch(() => null)
    if (verdict && !verdict.allowed) return c.html(indexHtml, verdict.reason === 'signedOut' ? 401 : 404)
    if (!verdict || verdict.record.deletedAt !== null) return c.html(indexHtml)
    const info = toInfo(verdict.record, verdict.role)
    c.header('content-type', 'text/html; charset=UTF-8')
    // The statement changes with every edit: no cache may keep a copy of the page.
    c.header('cache-control', 'no-store')
    return stream(c, async (out) => {
      await out.write(template.head(info))
      let body: string
      try {
        const rendering = await renderer()
        body = template.filled(info, await withRoom(collab.rooms, docId, (room) => rendering.render(room.doc)))
      } catch (error) {
        // The error's kind only: renderer messages can quote the statement ("Invalid content for node …"), and
        // logs never hold document content.
        const kind = error instanceof Error ? error.name : typeof error
        collab.log(`page for ${docId}: the statement could not be rendered (${kind}), serving the plain page`, undefined, { event: 'preview.renderFailed', docId })
        body = template.unfilled()
      }
      await out.write(body)
    })
  }
}
