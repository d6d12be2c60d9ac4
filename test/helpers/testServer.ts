import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import type { AccessPolicy } from '../../server/collab/access.js'
import type { CollabServerOptions } from '../../server/collab/CollabServer.js'
import type { SecuritySettings } from '../../server/config.js'
import { listen, type RunningServer } from '../../server/listen.js'
import { createLogger } from '../../server/ops/logger.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Storage } from '../../server/storage/Storage.js'
import { postgresStorageFor } from './postgres.js'
import { tempDir } from './tempDir.js'
import { DEFAULT_USER, apiFetch, setDefaultCredentials, signUpOrIn, type AuthOption, type Credentials } from './testAuth.js'

/**
 * Test servers open sign-up (as private installs may) and keep the API rate limits out of the way of tests
 * that send many requests; tests of the limits set their own.
 */
export const TEST_SECURITY: Partial<SecuritySettings> = {
  signup: 'open',
  writesPerMinute: 100_000,
  readsPerMinute: 100_000,
  // Every test client is the default user on 127.0.0.1, and a test may open and close many quickly.
  maxConnectionsPerAccount: 10_000,
  maxConnectionsPerAddress: 10_000,
}

export interface TestServerOptions {
  /** Reuse a data directory (to restart "the same" server); a fresh temp dir otherwise. */
  dataDir?: string
  /** Listen on this port instead of a free one (to let connected clients find a restarted server). */
  port?: number
  /**
   * On PostgreSQL (a schema of the test database per data dir) instead of SQLite; `CAUCUS_TEST_STORAGE=postgres`
   * makes it the default, to run the server suites against PostgreSQL.
   */
  postgres?: boolean
  /** Relay rooms through this Redis (two servers on one PostgreSQL data dir then act as two processes of one install). */
  redisUrl?: string
  /** Builds the storage from the SQLite file path; lets a test wrap the real storage to inject failures. */
  storage?: (sqliteFile: string) => Storage
  collab?: Omit<CollabServerOptions, 'log'>
  heartbeatMs?: number
  /** Serve this built client too (browser tests). */
  clientDir?: string
  /** Wraps the server's websocket access policy. */
  wrapAccessPolicy?: (policy: AccessPolicy) => AccessPolicy
  /** Settings on top of TEST_SECURITY. */
  security?: Partial<SecuritySettings>
  /** Sign up the default test user and make it the helpers' default (true unless a test needs a fresh install). */
  defaultUser?: boolean
}

export interface TestServer {
  url: string
  /** Base URL for a WebsocketProvider: the room name (document id) is appended to it. */
  wsUrl: string
  server: RunningServer
  dataDir: string
  /**
   * The problems the server logged (level warn and above), each as its message and its error's message: kept here
   * instead of flooding the test output.
   */
  logs: string[]
  /** Every JSON line the server's logger wrote, at every level down to debug. */
  logLines: string[]
  /** The default test user (what the helpers send unless told otherwise); null with `defaultUser: false`. */
  auth: Credentials | null
  /** Signs another person up (or in) through the API. */
  signUp(name: string, email?: string): Promise<Credentials>
  /** Closes the server; safe to call twice. Also called when the test finishes. */
  close(): Promise<void>
}

/** The real server on 127.0.0.1, port 0 by default, with SQLite in a data dir; closed after the test. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir()
  const sqliteFile = join(dataDir, 'caucus.sqlite')
  const postgres = options.postgres ?? (process.env.CAUCUS_TEST_STORAGE === 'postgres' && !options.storage)
  const storage = postgres ? await postgresStorageFor(dataDir) : options.storage ? options.storage(sqliteFile) : new SqliteStorage(sqliteFile)
  const logs: string[] = []
  const logLines: string[] = []
  // The server's real logger (JSON lines, scrubbed), writing here instead of to standard output.
  const logger = createLogger({
    level: 'debug',
    destination: {
      write: (line: string) => {
        logLines.push(line)
        const { level, msg, err } = JSON.parse(line) as { level: string; msg: string; err?: { message: string } }
        if (level === 'warn' || level === 'error' || level === 'fatal') logs.push(err ? `${msg}: ${err.message}` : msg)
      },
    },
  })
  const server = await listen({
    storage,
    port: options.port ?? 0,
    host: '127.0.0.1',
    heartbeatMs: options.heartbeatMs,
    redisUrl: options.redisUrl,
    clientDir: options.clientDir,
    wrapAccessPolicy: options.wrapAccessPolicy,
    security: { ...TEST_SECURITY, ...options.security },
    collab: options.collab,
    logger,
  })
  let closing: Promise<void> | null = null
  const close = () => (closing ??= server.close())
  onTestFinished(close)
  let auth: Credentials | null = null
  if (options.defaultUser !== false) {
    auth = await signUpOrIn(server.url, DEFAULT_USER.name, DEFAULT_USER.email)
    setDefaultCredentials(server.url, auth)
  }
  return {
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws') + COLLAB_PATH,
    server,
    dataDir,
    logs,
    logLines,
    auth,
    signUp: (name, email) => signUpOrIn(server.url, name, email),
    close,
  }
}

/** Creates a document through the HTTP API (as the default test user unless `auth` says otherwise) and returns its id. */
export async function createDoc(url: string, title?: string, auth?: AuthOption): Promise<string> {
  const response = await apiFetch(`${url}/api/docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(title === undefined ? {} : { title }),
    auth,
  })
  if (response.status !== 201) throw new Error(`creating a document failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as { document: { id: string } }
  return body.document.id
}
