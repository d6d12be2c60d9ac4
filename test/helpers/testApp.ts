import type { Hono } from 'hono'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import type { AppEnv } from '../../server/api/appEnv.js'
import { createApp } from '../../server/app.js'
import { Accounts } from '../../server/auth/Accounts.js'
import { SqliteAccountStore } from '../../server/auth/SqliteAccountStore.js'
import { CollabServer } from '../../server/collab/CollabServer.js'
import { DEFAULT_SECURITY } from '../../server/config.js'
import { SiteOrigins } from '../../server/http/SiteOrigins.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { tempDir } from './tempDir.js'
import { DEFAULT_USER, SESSION_COOKIE, TEST_PASSWORD, type AuthOption, type Credentials } from './testAuth.js'
import { TEST_SECURITY } from './testServer.js'

/** What `app.request()` is addressed as: `app.request('/path')` asks for http://localhost/path. */
export const TEST_APP_ORIGIN = 'http://localhost'

/** The app, with `request` sending the default test user's cookie and Origin unless `auth` says otherwise. */
export interface TestApp {
  request(path: string, init?: RequestInit & { auth?: AuthOption }): Promise<Response>
  /** The app itself: requests carry only what the test puts in them. */
  raw: Hono<AppEnv>
  /** The default test user, once the first request has signed it up. */
  auth(): Promise<Credentials>
}

/** The Hono app on real SQLite storage, listening nowhere: drive it with `app.request()`. */
export function createTestApp(): { app: TestApp; storage: SqliteStorage; collab: CollabServer; accounts: Accounts } {
  const storage = new SqliteStorage(join(tempDir(), 'caucus.sqlite'))
  const collab = new CollabServer(storage)
  const security = { ...DEFAULT_SECURITY, ...TEST_SECURITY }
  const accounts = new Accounts(new SqliteAccountStore(storage.database), security)
  onTestFinished(async () => {
    await collab.close()
    await storage.close()
  })
  const raw = createApp({ storage, collab, accounts, site: new SiteOrigins(TEST_APP_ORIGIN), security })
  let defaultUser: Promise<Credentials> | null = null
  const auth = () =>
    (defaultUser ??= (async () => {
      const response = await raw.request('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_APP_ORIGIN },
        body: JSON.stringify({ ...DEFAULT_USER, password: TEST_PASSWORD }),
      })
      if (response.status !== 201) throw new Error(`signing up the test user failed: ${response.status} ${await response.text()}`)
      const { user } = (await response.json()) as { user: { id: string } }
      const session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')![1]!
      return { userId: user.id, ...DEFAULT_USER, session, origin: TEST_APP_ORIGIN }
    })())
  const app: TestApp = {
    raw,
    auth,
    request: async (path, init = {}) => {
      const { auth: option, ...rest } = init
      const credentials = option === null ? null : (option ?? (await auth()))
      const headers = new Headers(rest.headers)
      if (credentials && !headers.has('cookie')) headers.set('cookie', `${SESSION_COOKIE}=${credentials.session}`)
      if (credentials && !headers.has('origin')) headers.set('origin', credentials.origin)
      return raw.request(path, { ...rest, headers })
    },
  }
  return { app, storage, collab, accounts }
}

/** A JSON request to the app; `body` is sent verbatim when it is a string (to test invalid JSON). */
export function requestJson(app: TestApp, method: string, path: string, body?: unknown, auth?: AuthOption): Promise<Response> {
  return app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    auth,
  })
}
