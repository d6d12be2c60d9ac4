import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { COLLAB_PATH } from '../shared/collabProtocol.js'
import { ApiError } from './api/ApiError.js'
import { documentsRoutes } from './api/documentsRoutes.js'
import { exportRoutes } from './api/exportRoutes.js'
import { sourcesRoutes } from './api/sourcesRoutes.js'
import { statementPageHandler } from './preview/previewRoute.js'
import type { CollabServer } from './collab/CollabServer.js'
import type { Storage } from './storage/Storage.js'

export interface AppOptions {
  storage: Storage
  collab: CollabServer
  /** Folder of the built client to serve (omit in API-only tests). */
  clientDir?: string
}

/** Builds the HTTP app (API and client). It listens nowhere: `listen.ts` does that, and adds the websocket. */
export function createApp({ storage, collab, clientDir }: AppOptions): Hono {
  const app = new Hono()

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status)
    console.error('[api] unexpected error', error)
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on the server. Nothing was changed; please try again.' } }, 500)
  })

  app.get('/api/health', (c) => c.json({ ok: true, rooms: collab.rooms.loadedCount, connections: collab.connectionCount }))
  app.route('/api/docs', documentsRoutes(storage, collab))
  app.route('/api/docs', sourcesRoutes(storage, collab))
  app.route('/api/docs', exportRoutes(storage, collab))
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'There is no such API endpoint.')
  })

  // Websocket upgrades on this path are taken by the server's upgrade handler (collab/collabUpgrade.ts).
  app.get(`${COLLAB_PATH}/:docId`, (c) =>
    c.json({ error: { code: 'upgrade_required', message: 'This address only accepts websocket connections.' } }, 426),
  )

  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    const root = relative(process.cwd(), clientDir) || '.'
    const indexHtml = readFileSync(join(clientDir, 'index.html'), 'utf8')
    app.use('/assets/*', serveStatic({ root }))
    app.use('*', serveStatic({ root }))
    // A statement's page shows its text before the scripts have loaded.
    app.get('/d/:docId', statementPageHandler(storage, collab, indexHtml))
    // Client-side routes (/, /d/<id>, /trash) all get the single-page app.
    app.get('*', (c) => c.html(indexHtml))
  }
  return app
}
