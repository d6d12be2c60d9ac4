import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import { startChildServer, type ChildServer } from './childServer.js'
import { httpsRequest, type HttpsResponse } from './httpsRequest.js'
import { freePort } from './freePort.js'
import { rewriteConfig, startNginx, type RunningNginx } from './nginx.js'
import { createTestSchema, testDatabaseUrl } from './postgres.js'
import { TEST_REDIS_URL } from './redis.js'
import { subscribeSavedAcks } from './savedAcks.js'
import { tempDir } from './tempDir.js'
import { authHeaders, SESSION_COOKIE, TEST_PASSWORD, type Credentials } from './testAuth.js'
import { selfSignedCertificate } from './tlsCertificate.js'
import type { TestClient } from './yClient.js'

const sampleDir = fileURLToPath(new URL('../../deploy/nginx/', import.meta.url))
/** The ports of the processes in the sample; the test's own processes take their place. */
const SAMPLE_PORTS = [3001, 3002, 3003]

export interface NginxStack {
  /** `https://127.0.0.1:<port>`: where nginx serves TLS, and every process's CAUCUS_ORIGIN. */
  origin: string
  /** `http://127.0.0.1:<port>`: the sample's plain-http server. */
  plainOrigin: string
  processes: ChildServer[]
  /** Each process as nginx names it in its logs (`127.0.0.1:<port>`), in the order of `processes`. */
  upstreams: string[]
  nginx: RunningNginx
  /** A request through nginx (JSON body, credentials' cookie and Origin when given). */
  request(path: string, options?: { method?: string; json?: unknown; body?: string; auth?: Credentials; headers?: Record<string, string> }): Promise<HttpsResponse>
  /** Signs a person up through nginx. */
  signUp(name: string): Promise<{ credentials: Credentials; response: HttpsResponse }>
  /** A stock y-websocket client connecting through nginx (wss), as a browser on the origin would. */
  connect(docId: string, auth: Credentials, options?: { savedAcks?: boolean }): TestClient
}

/** The session cookie an answer sets. */
export function sessionOf(response: HttpsResponse): string {
  const cookie = (response.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${SESSION_COOKIE}=`))
  if (!cookie) throw new Error(`no session cookie in ${response.status} ${response.text}`)
  return /=([^;]+)/.exec(cookie)![1]!
}

/**
 * Three built servers as child processes on one fresh PostgreSQL schema, linked through Redis, told they are
 * behind a proxy at `origin` (CAUCUS_ORIGIN, CAUCUS_TRUST_PROXY), and Debian's nginx running deploy/nginx/caucus.conf in front of
 * them, rewritten only for ports and paths: the test's ports, a self-signed certificate, the snippet's place.
 */
export async function startNginxStack(): Promise<NginxStack> {
  const dir = tempDir('caucus-nginx-')
  const schema = await createTestSchema()
  // Registered before the processes start, so it runs after they have been killed.
  onTestFinished(() => schema.drop())
  const [httpsPort, httpPort, ...processPorts] = await Promise.all(Array.from({ length: 5 }, () => freePort()))
  const origin = `https://127.0.0.1:${httpsPort}`

  const processes: ChildServer[] = []
  // One after another: the first creates the schema's tables and the default test user, the others sign in.
  for (const port of processPorts) {
    processes.push(
      await startChildServer(tempDir(), {
        env: {
          PORT: String(port),
          DATABASE_URL: testDatabaseUrl(schema.schema),
          REDIS_URL: TEST_REDIS_URL,
          CAUCUS_ORIGIN: origin,
          CAUCUS_TRUST_PROXY: '1',
          // The helper signs its default user up at the process's own address, which must stay allowed too.
          CAUCUS_ORIGINS: `http://127.0.0.1:${port}`,
        },
      }),
    )
  }
  const upstreams = processPorts.map((port) => `127.0.0.1:${port}`)

  const certificate = selfSignedCertificate(dir)
  const snippet = join(dir, 'caucus-proxy.conf')
  copyFileSync(join(sampleDir, 'caucus-proxy.conf'), snippet)
  const site = rewriteConfig(readFileSync(join(sampleDir, 'caucus.conf'), 'utf8'), [
    ...SAMPLE_PORTS.map((port, i): [string, string] => [`127.0.0.1:${port} `, `${upstreams[i]} `]),
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
    ['/etc/letsencrypt/live/caucus.example.org/fullchain.pem', certificate.certPath],
    ['/etc/letsencrypt/live/caucus.example.org/privkey.pem', certificate.keyPath],
    ['/etc/nginx/snippets/caucus-proxy.conf', snippet],
  ])
  const nginx = await startNginx(dir, site, [httpsPort!, httpPort!])

  const request: NginxStack['request'] = (path, options = {}) => {
    const headers: Record<string, string> = { ...authHeaders(options.auth ?? null), ...options.headers }
    if (options.json !== undefined) headers['content-type'] = 'application/json'
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.body
    return httpsRequest(`${origin}${path}`, { method: options.method, headers, body, ca: certificate.pem })
  }

  return {
    origin,
    plainOrigin: `http://127.0.0.1:${httpPort}`,
    processes,
    upstreams,
    nginx,
    request,
    signUp: async (name) => {
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`
      const response = await request('/api/auth/signup', { method: 'POST', json: { email, name, password: TEST_PASSWORD }, headers: { origin } })
      if (response.status !== 201) throw new Error(`sign-up through nginx answered ${response.status}: ${response.text}`)
      const { user } = response.json<{ user: { id: string } }>()
      return { response, credentials: { userId: user.id, email, name, session: sessionOf(response), origin } }
    },
    connect: (docId, auth, options = {}) => {
      const headers = authHeaders(auth)
      class BrowserLikeWebSocket extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers, ca: certificate.pem })
        }
      }
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(`${origin.replace(/^https/, 'wss')}${COLLAB_PATH}`, docId, doc, {
        // ws's WebSocket is what y-websocket's own tests use in Node; its type differs only in DOM extras.
        WebSocketPolyfill: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      const saved = options.savedAcks ? subscribeSavedAcks(provider) : null
      let destroyed = false
      const destroy = () => {
        if (destroyed) return
        destroyed = true
        provider.destroy()
        doc.destroy()
      }
      onTestFinished(destroy)
      return { doc, provider, awareness: provider.awareness, saved, destroy }
    },
  }
}
