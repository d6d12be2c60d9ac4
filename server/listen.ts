import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { createApp } from './app.js'
import { Accounts } from './auth/Accounts.js'
import type { AccountStore } from './auth/AccountStore.js'
import { collabAccessPolicy } from './auth/collabAccessPolicy.js'
import { DocumentPolicy } from './auth/DocumentPolicy.js'
import { PostgresAccountStore } from './auth/PostgresAccountStore.js'
import { SqliteAccountStore } from './auth/SqliteAccountStore.js'
import type { AccessPolicy } from './collab/access.js'
import { collabUpgradeHandler } from './collab/collabUpgrade.js'
import { CollabServer, type CollabServerOptions } from './collab/CollabServer.js'
import { RedisRelay } from './collab/relay/RedisRelay.js'
import { startHeartbeat } from './collab/wsSocket.js'
import { CollabMetrics } from './ops/CollabMetrics.js'
import { createLogger, logFunction, type Logger } from './ops/logger.js'
import { DEFAULT_SECURITY, type SecuritySettings } from './config.js'
import type { RateLimiterFactory } from './http/RateLimiter.js'
import { SiteOrigins } from './http/SiteOrigins.js'
import { PostgresStorage } from './storage/PostgresStorage.js'
import { SqliteStorage } from './storage/SqliteStorage.js'
import type { Storage } from './storage/Storage.js'

/** Open connections are also re-checked on this interval, so an expired sign-in does not stay connected. */
const ACCESS_RECHECK_INTERVAL_MS = 60_000

export interface ListenOptions {
  storage: Storage
  /** Accounts and memberships; by default in the storage's own database (SQLite file or PostgreSQL). */
  accountStore?: AccountStore
  port: number
  host: string
  clientDir?: string
  /** Origins, sign-up, limits; the defaults are `DEFAULT_SECURITY`. */
  security?: Partial<SecuritySettings>
  /** Wraps the websocket's access policy (tests use it to make the collaboration server refuse for a while). */
  wrapAccessPolicy?: (policy: AccessPolicy) => AccessPolicy
  rateLimiter?: RateLimiterFactory
  collab?: CollabServerOptions
  /** Where the server logs (its JSON lines); `collab.log`, when given, takes the collaboration server's. */
  logger?: Logger
  /** How often dead peers are looked for (a peer is dropped after two silent intervals). */
  heartbeatMs?: number
  /** Relay rooms to the other processes through this Redis (several processes on one PostgreSQL). */
  redisUrl?: string | null
}

export interface RunningServer {
  url: string
  port: number
  collab: CollabServer
  metrics: CollabMetrics
  accounts: Accounts
  site: SiteOrigins
  /** Saves every open document, closes every connection, stops listening, closes storage. */
  close(): Promise<void>
}

function defaultAccountStore(storage: Storage): AccountStore {
  if (storage instanceof SqliteStorage) return new SqliteAccountStore(storage.database)
  // Accounts live beside the documents (share links and members reference them), so on the same pool.
  if (storage instanceof PostgresStorage) return new PostgresAccountStore(storage.pool)
  throw new Error('listen: this storage keeps no accounts; pass an accountStore.')
}

/** Starts the HTTP + websocket server; resolves once it is listening. */
export async function listen(options: ListenOptions): Promise<RunningServer> {
  const security: SecuritySettings = { ...DEFAULT_SECURITY, ...options.security }
  const site = new SiteOrigins(security.origin, security.extraOrigins)
  const accounts = new Accounts(options.accountStore ?? defaultAccountStore(options.storage), security)
  const policy = new DocumentPolicy(options.storage, accounts.store)
  const basePolicy = collabAccessPolicy(accounts, policy, site)
  const accessPolicy = options.wrapAccessPolicy?.(basePolicy) ?? basePolicy
  const limits = {
    maxFrameBytes: security.maxFrameBytes,
    messagesPerSecond: security.messagesPerSecond,
    messageBurst: security.messageBurst,
    presencePerSecond: security.presencePerSecond,
    presenceBurst: security.presenceBurst,
    maxPresenceBytes: security.maxPresenceBytes,
    maxClientIdsPerConnection: security.maxClientIdsPerConnection,
    maxConnectionsPerAccount: security.maxConnectionsPerAccount,
    maxConnectionsPerAddress: security.maxConnectionsPerAddress,
  }
  // Read only when scraped (`collab` exists by then).
  const metrics: CollabMetrics = new CollabMetrics({ rooms: () => collab.rooms.loadedCount, connections: () => collab.connectionCount })
  const log = options.collab?.log ?? logFunction(options.logger ?? createLogger())
  const relay = options.redisUrl
    ? new RedisRelay({ url: options.redisUrl, log: (message, error) => log(message, error, { event: 'relay.failed' }), onResync: () => metrics.redisResyncs.inc(), onAccessChange: (change) => void collab.recheckAccess(change) })
    : undefined
  const collab: CollabServer = new CollabServer(metrics.timedStorage(options.storage), {
    ...options.collab,
    log,
    limits,
    relay,
    recheckAccess: (docId, principal) => accessPolicy.recheck(docId, principal),
  })
  // Removing a member, lowering a role, revoking a link, token or sign-in: open connections follow at once.
  const stopFollowing = accounts.events.on((change) => {
    void collab.recheckAccess(change)
    relay?.announceAccessChange(change)
  })
  const recheckTimer = setInterval(() => void collab.recheckAccess(), ACCESS_RECHECK_INTERVAL_MS)
  recheckTimer.unref()

  const app = createApp({ storage: options.storage, collab, accounts, site, security, policy, rateLimiter: options.rateLimiter, clientDir: options.clientDir, metrics })
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes })
  const stopHeartbeat = startHeartbeat(() => wss.clients, options.heartbeatMs ?? 15_000)

  const { server, address } = await new Promise<{ server: ServerType; address: AddressInfo }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => resolve({ server, address: info }))
    server.once('error', reject)
    server.on('upgrade', collabUpgradeHandler(wss, collab, accessPolicy, { trustProxy: security.trustProxy, traffic: metrics }))
  })
  const hostForUrl = address.address.includes(':') ? `[${address.address}]` : address.address
  const url = `http://${hostForUrl}:${address.port}`
  site.useListeningAddress(url)

  return {
    url,
    port: address.port,
    collab,
    metrics,
    accounts,
    site,
    close: async () => {
      // Stop accepting connections first (a load balancer then sends new ones to another process); the
      // callback waits for the open ones, which are closed below.
      const stoppedListening = new Promise<void>((resolve) => server.close(() => resolve()))
      stopFollowing()
      clearInterval(recheckTimer)
      stopHeartbeat()
      await collab.close()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      await stoppedListening
      await relay?.close()
      await options.storage.close()
    },
  }
}
