import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import type { AccessPolicy } from '../../server/collab/access.js'
import type { CollabServerOptions } from '../../server/collab/CollabServer.js'
import { listen, type RunningServer } from '../../server/listen.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Storage } from '../../server/storage/Storage.js'
import { tempDir } from './tempDir.js'

export interface TestServerOptions {
  /** Reuse a data directory (to restart "the same" server); a fresh temp dir otherwise. */
  dataDir?: string
  /** Listen on this port instead of a free one (to let connected clients find a restarted server). */
  port?: number
  /** Builds the storage from the SQLite file path; lets a test wrap the real storage to inject failures. */
  storage?: (sqliteFile: string) => Storage
  collab?: Omit<CollabServerOptions, 'log'>
  heartbeatMs?: number
  /** Serve this built client too (browser tests). */
  clientDir?: string
  /** Replaces the default access policy; built from the server's storage. */
  accessPolicy?: (storage: Storage) => AccessPolicy
}

export interface TestServer {
  url: string
  /** Base URL for a WebsocketProvider: the room name (document id) is appended to it. */
  wsUrl: string
  server: RunningServer
  dataDir: string
  /** What the collaboration server logged (kept here instead of flooding the test output). */
  logs: string[]
  /** Closes the server; safe to call twice. Also called when the test finishes. */
  close(): Promise<void>
}

/** The real server on 127.0.0.1, port 0 by default, with SQLite in a data dir; closed after the test. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir()
  const sqliteFile = join(dataDir, 'caucus.sqlite')
  const storage = options.storage ? options.storage(sqliteFile) : new SqliteStorage(sqliteFile)
  const logs: string[] = []
  const server = await listen({
    storage,
    port: options.port ?? 0,
    host: '127.0.0.1',
    heartbeatMs: options.heartbeatMs,
    clientDir: options.clientDir,
    accessPolicy: options.accessPolicy?.(storage),
    collab: { ...options.collab, log: (message, error) => logs.push(error ? `${message}: ${String(error)}` : message) },
  })
  let closing: Promise<void> | null = null
  const close = () => (closing ??= server.close())
  onTestFinished(close)
  return { url: server.url, wsUrl: server.url.replace(/^http/, 'ws') + COLLAB_PATH, server, dataDir, logs, close }
}

/** Creates a document through the HTTP API and returns its id. */
export async function createDoc(url: string, title?: string): Promise<string> {
  const response = await fetch(`${url}/api/docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(title === undefined ? {} : { title }),
  })
  if (response.status !== 201) throw new Error(`creating a document failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as { document: { id: string } }
  return body.document.id
}
