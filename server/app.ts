import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { COLLAB_PATH } from '../shared/collabProtocol.js'
import { ApiError } from './api/ApiError.js'
import type { AppEnv } from './api/appEnv.js'
import { authenticate } from './api/authMiddleware.js'
import { authRoutes } from './api/authRoutes.js'
import { documentsRoutes } from './api/documentsRoutes.js'
import { exportRoutes } from './api/exportRoutes.js'
import { invitationsRoutes } from './api/invitationsRoutes.js'
import { lookupRoutes } from './api/lookupRoutes.js'
import { sharingRoutes } from './api/sharingRoutes.js'
import { sourcesRoutes } from './api/sourcesRoutes.js'
import { tokensRoutes } from './api/tokensRoutes.js'
import type { Accounts } from './auth/Accounts.js'
import { DocumentPolicy } from './auth/DocumentPolicy.js'
import { LoginThrottle } from './auth/LoginThrottle.js'
import type { CollabServer } from './collab/CollabServer.js'
import type { SecuritySettings } from './config.js'
import { bodyLimits } from './http/bodyLimits.js'
import { memoryRateLimiter, type RateLimiterFactory } from './http/RateLimiter.js'
import { apiRateLimits } from './http/rateLimits.js'
import { hostGuard, jsonBodiesOnly, originGuard } from './http/requestGuards.js'
import { securityHeaders } from './http/securityHeaders.js'
import type { SiteOrigins } from './http/SiteOrigins.js'
import type { CollabMetrics } from './ops/CollabMetrics.js'
import { metricsHandler } from './ops/metricsRoute.js'
import { readinessHandler } from './ops/readiness.js'
import { statementPageHandler } from './preview/previewRoute.js'
import type { Storage } from './storage/Storage.js'

export interface AppOptions {
  storage: Storage
  collab: CollabServer
  accounts: Accounts
  site: SiteOrigins
  security: SecuritySettings
  /** The access policy (one per server: the websocket asks the same one); made here when not given. */
  policy?: DocumentPolicy
  /** Where rate-limit counts live; in memory by default. */
  rateLimiter?: RateLimiterFactory
  /** Served at `/metrics` to the addresses in `security.metricsAllow` (not served without). */
  metrics?: CollabMetrics
  /** Folder of the built client to serve (omit in API-only tests). */
  clientDir?: string
}

/** Builds the HTTP app (API and client). It listens nowhere: `listen.ts` does that, and adds the websocket. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { storage, collab, accounts, site, security, clientDir } = options
  const policy = options.policy ?? new DocumentPolicy(storage, accounts.store)
  const makeLimiter = options.rateLimiter ?? memoryRateLimiter
  const deps = { storage, collab, accounts, policy, site }
  const app = new Hono<AppEnv>()

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status)
    // The route's pattern, not its path: paths carry share-link and invitation secrets.
    collab.log('unexpected error in an API route', error, { event: 'api.error', method: c.req.method, route: c.req.routePath })
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on the server. Nothing was changed; please try again.' } }, 500)
  })

  // In this order: nothing is read from a request for another host, from another site, or too large.
  app.use('*', securityHeaders())
  app.use('*', hostGuard(site))
  app.use('*', originGuard(site))
  app.use('*', bodyLimits(security))
  app.use('*', jsonBodiesOnly())
  app.use('*', authenticate(accounts))

  app.get('/api/health', (c) => c.json({ ok: true, rooms: collab.rooms.loadedCount, connections: collab.connectionCount }))
  app.get('/api/ready', readinessHandler(storage, collab.log, collab.relay))
  if (options.metrics) app.get('/metrics', metricsHandler(options.metrics, security.metricsAllow, security.trustProxy))
  app.use('/api/*', apiRateLimits(security, makeLimiter))
  const throttle = new LoginThrottle(makeLimiter, { perAccount: security.loginFailuresPerAccount, perAddress: security.loginFailuresPerAddress })
  app.route('/api', authRoutes({ accounts, throttle, site, trustProxy: security.trustProxy }))
  app.route('/api/tokens', tokensRoutes(accounts))
  app.route('/api/invitations', invitationsRoutes(accounts, site))
  app.route('/api', sharingRoutes(deps))
  app.route('/api/docs', documentsRoutes(deps))
  app.route('/api/docs', sourcesRoutes(deps))
  app.route('/api/docs', exportRoutes(deps))
  app.route('/api/sources', lookupRoutes(security))
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
    // A statement's page shows its text before the scripts have loaded (to those who may read it).
    app.get('/d/:docId', statementPageHandler(policy, collab, indexHtml))
    // Client-side routes (/, /d/<id>, /trash, /signup, /join/<link>) all get the single-page app.
    app.get('*', (c) => c.html(indexHtml))
  }
  return app
}
