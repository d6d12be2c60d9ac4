import type { Hono } from 'hono'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { createApp } from '../../server/app.js'
import { CollabServer } from '../../server/collab/CollabServer.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { tempDir } from './tempDir.js'

/** The Hono app on real SQLite storage, listening nowhere: drive it with `app.request()`. */
export function createTestApp(): { app: Hono; storage: SqliteStorage; collab: CollabServer } {
  const storage = new SqliteStorage(join(tempDir(), 'caucus.sqlite'))
  const collab = new CollabServer(storage)
  onTestFinished(async () => {
    await collab.close()
    await storage.close()
  })
  return { app: createApp({ storage, collab }), storage, collab }
}

/** A JSON request to the app; `body` is sent verbatim when it is a string (to test invalid JSON). */
export function requestJson(app: Hono, method: string, path: string, body?: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
}
