import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildNodeEntries } from '../../server/build.js'
import { spawnServer, type SpawnedServer } from '../proc.js'
import { benchDatabaseUrl } from './postgresSchema.js'
import { startTwoProcesses } from './twoProcesses.js'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export type TargetName = 'caucus' | 'y-websocket' | 'hocuspocus' | 'floor' | 'caucus-mem' | 'stack-floor' | 'caucus-before' | 'caucus-pg' | 'caucus-2p'

/** Which client library speaks to a target. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus'

export interface TargetSpec {
  name: TargetName
  protocol: ClientProtocol
  /**
   * When a client counts as joined. A relay has no document, so a client alone in a room on the floor never
   * receives a sync step 2: there "connected" is all there is.
   */
  readyOn: 'synced' | 'connected'
}

export const TARGETS: Record<TargetName, TargetSpec> = {
  caucus: { name: 'caucus', protocol: 'y-websocket', readyOn: 'synced' },
  'y-websocket': { name: 'y-websocket', protocol: 'y-websocket', readyOn: 'synced' },
  hocuspocus: { name: 'hocuspocus', protocol: 'hocuspocus', readyOn: 'synced' },
  floor: { name: 'floor', protocol: 'y-websocket', readyOn: 'connected' },
  'caucus-mem': { name: 'caucus-mem', protocol: 'y-websocket', readyOn: 'synced' },
  'stack-floor': { name: 'stack-floor', protocol: 'y-websocket', readyOn: 'connected' },
  'caucus-before': { name: 'caucus-before', protocol: 'y-websocket', readyOn: 'synced' },
  'caucus-pg': { name: 'caucus-pg', protocol: 'y-websocket', readyOn: 'synced' },
  'caucus-2p': { name: 'caucus-2p', protocol: 'y-websocket', readyOn: 'synced' },
}

/** The targets of a normal run, in the order they alternate. */
export const TARGET_ORDER: TargetName[] = ['caucus', 'y-websocket', 'hocuspocus', 'floor']

/** Every target, including diagnostic ones that run only when asked for (--targets). */
export const ALL_TARGETS: TargetName[] = [...TARGET_ORDER, 'caucus-mem', 'stack-floor', 'caucus-before', 'caucus-pg', 'caucus-2p']

/** The Caucus servers, whatever their storage: they need an account and take `/collab` in their address. */
export const CAUCUS_TARGETS: TargetName[] = ['caucus', 'caucus-mem', 'caucus-before', 'caucus-pg', 'caucus-2p']

/** Where `npm run bench -- --before REV` puts an earlier Caucus server (see prepareBefore in bench/before.ts). */
export const BEFORE_DIR = '.tmp/caucus-before'

const SCRIPTS: Record<TargetName, string> = {
  caucus: 'server/main.ts',
  'y-websocket': 'bench/targets/yWebsocket.ts',
  hocuspocus: 'bench/targets/hocuspocus.ts',
  floor: 'bench/targets/floor.ts',
  'caucus-mem': 'bench/targets/caucusMemory.ts',
  'stack-floor': 'bench/targets/stackFloor.ts',
  'caucus-before': `${BEFORE_DIR}/server/main.ts`,
  // The same build as `caucus`, started with DATABASE_URL (a fresh schema, dropped after: postgresSchema.ts).
  'caucus-pg': 'server/main.ts',
  // Two processes of the same build on one PostgreSQL schema, linked by Redis, behind a TCP balancer (twoProcesses.ts).
  'caucus-2p': 'server/main.ts',
}

export interface StartOptions {
  /** Folder for the target's storage; reuse it to restart a server on the same data. */
  dataDir: string
  /** Turn on the competitors' and the floor's persistence (Caucus always persists). */
  persist: boolean
  /** Write a V8 CPU profile of the server process into this folder. */
  cpuProfDir?: string
}

export interface RunningTarget {
  spec: TargetSpec
  server: SpawnedServer
  /** The server's processes, whose CPU and memory the scenarios count (two for caucus-2p). */
  serverPids: number[]
  /** What a client passes as the server URL (the room name is appended by the provider). */
  wsBase: string
  /** Makes `count` rooms exist (Caucus: POST /api/docs) and returns their names. */
  createRooms(count: number, prefix: string): Promise<string[]>
  /** What every client sends with its websocket upgrade: Caucus's bench account's cookie and Origin (none elsewhere). */
  headers: Record<string, string>
}

/**
 * Caucus serves only signed-in people: the bench signs one account up (sign-up open, on a fresh data folder) and
 * every client connects as it, from one address, far faster than people would. So the limits on one account and
 * one address are lifted, as an operator could for a load test; the ones on what a connection sends stay.
 */
export const CAUCUS_BENCH_ENV = {
  CAUCUS_SIGNUP: 'open',
  CAUCUS_RATE_WRITES: '1000000',
  CAUCUS_RATE_READS: '1000000',
  CAUCUS_WS_CONNECTIONS_PER_ACCOUNT: '1000000',
  CAUCUS_WS_CONNECTIONS_PER_ADDRESS: '1000000',
  CAUCUS_WS_PRESENCE_PER_SECOND: '1000000',
  CAUCUS_WS_PRESENCE_BURST: '1000000',
}

/** Signs the bench account up; no headers for a server without accounts (an earlier commit with --before). */
export async function benchCredentials(http: string): Promise<Record<string, string>> {
  const account = { email: 'bench@example.org', name: 'Bench', password: 'bench bench bench bench' }
  const post = (path: string, body: unknown) =>
    fetch(`${http}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: http }, body: JSON.stringify(body) })
  let response = await post('/api/auth/signup', account)
  // A server restarted on its data (cold load) already has the account: sign in.
  if (response.status === 409) response = await post('/api/auth/login', { email: account.email, password: account.password })
  if (response.status === 404) return {}
  if (response.status !== 201 && response.status !== 200) throw new Error(`signing up the bench account answered ${response.status}: ${await response.text()}`)
  const cookie = /^([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
  if (!cookie) throw new Error('signing up the bench account set no cookie')
  return { cookie, origin: http }
}

/** Where the targets are compiled to, once per run. */
const BUILD_DIR = join(repoRoot, 'bench/out/dist')
let built: Promise<void> | null = null

/** Compiles every target's script to plain JavaScript (the same esbuild step as Caucus's `npm start`). */
function buildTargets(): Promise<void> {
  // caucus and caucus-pg run the same script: compiled once.
  const scripts = [...new Set(Object.values(SCRIPTS))].map((script) => join(repoRoot, script))
  built ??= buildNodeEntries(scripts.filter((script) => existsSync(script)), BUILD_DIR)
  return built
}

/** The compiled script of a target (built on first use), for scenarios that start a server themselves. */
export async function builtScript(name: TargetName): Promise<string> {
  await buildTargets()
  return join(BUILD_DIR, SCRIPTS[name].replace(/\.ts$/, '.js'))
}

/**
 * Starts a target in its own process. Every target is compiled the same way and runs as `node <script>.js`,
 * as Caucus runs in production, so none carries a TypeScript loader in its CPU and memory figures.
 */
export async function startTarget(name: TargetName, options: StartOptions): Promise<RunningTarget> {
  mkdirSync(options.dataDir, { recursive: true })
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []
  const spawnOne = async (extraEnv: Record<string, string>) =>
    spawnServer({
      args: [...profile, await builtScript(name)],
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CAUCUS_DATA_DIR: options.dataDir,
        // A folder that does not exist: Caucus then serves the API and websockets only.
        CAUCUS_CLIENT_DIR: join(options.dataDir, 'no-client-build'),
        BENCH_STORE_DIR: options.persist ? options.dataDir : '',
        NODE_ENV: 'production',
        ...CAUCUS_BENCH_ENV,
        ...(name === 'caucus-pg' ? { DATABASE_URL: await benchDatabaseUrl(options.dataDir) } : {}),
        ...extraEnv,
      },
      portPattern: /127\.0\.0\.1:(\d+)/,
    })
  const { server, serverPids } =
    name === 'caucus-2p' ? await startTwoProcesses(spawnOne, options.dataDir) : await spawnOne({}).then((one) => ({ server: one, serverPids: [one.pid] }))
  const http = `http://127.0.0.1:${server.port}`
  const isCaucus = CAUCUS_TARGETS.includes(name)
  const headers = isCaucus ? await benchCredentials(http) : {}
  return {
    headers,
    spec: TARGETS[name],
    server,
    serverPids,
    wsBase: isCaucus ? `ws://127.0.0.1:${server.port}/collab` : `ws://127.0.0.1:${server.port}`,
    createRooms: async (count, prefix) => {
      if (!isCaucus) return Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
      const ids: string[] = []
      for (let i = 0; i < count; i++) {
        const response = await fetch(`${http}/api/docs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ title: `${prefix} ${i}` }),
        })
        if (response.status !== 201) throw new Error(`POST /api/docs answered ${response.status}: ${await response.text()}`)
        ids.push(((await response.json()) as { document: { id: string } }).document.id)
      }
      return ids
    },
  }
}
