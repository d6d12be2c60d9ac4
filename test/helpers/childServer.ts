import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, onTestFinished } from 'vitest'
import { buildNodeEntries } from '../../server/build.js'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import { DEFAULT_USER, setDefaultCredentials, signUpOrIn, type Credentials } from './testAuth.js'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface ChildServer {
  url: string
  wsUrl: string
  child: ChildProcess
  /**
   * The default test user, signed up (or in, on a restarted server at another port) through the API; the
   * helpers' default. A restart at the same address keeps the previous process's session.
   */
  auth: Credentials
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string
  /** What it printed on standard output alone, and on standard error alone. */
  stdout(): string
  stderr(): string
  /** Sends a signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Starts a new process on the same data folder with the same options (call it once this one has exited). */
  restart(): Promise<ChildServer>
}

export interface ChildServerOptions {
  /**
   * More environment for the process, kept for `restart()`: `DATABASE_URL` (a per-test schema is chosen in the
   * URL, see `testDatabaseUrl` in postgres.ts), `REDIS_URL`, a fixed `PORT` (so that clients reconnect to the
   * restarted process at the same address), or anything that overrides the defaults below.
   */
  env?: Record<string, string>
}

/** This test process's own build of the server (inside the repository, so that its packages resolve). */
const buildDir = join(repoRoot, '.tmp', `server-build-${process.pid}`)
let built: Promise<void> | null = null
afterAll(() => rmSync(buildDir, { recursive: true, force: true }))

/**
 * Compiles the server exactly as `npm start` does and runs `node <build>/server/main.js` in its own process, so
 * a test exercises the production build and can SIGKILL it: something an in-process server cannot simulate.
 */
export function startChildServer(dataDir: string, options: ChildServerOptions = {}): Promise<ChildServer> {
  return spawnServer(dataDir, options, null)
}

/** `previous`: the process this one replaces, whose sign-in it keeps when it listens at the same address. */
async function spawnServer(dataDir: string, options: ChildServerOptions, previous: ChildServer | null): Promise<ChildServer> {
  await (built ??= buildNodeEntries(['server/main.ts'], buildDir))
  const child = spawn(process.execPath, [join(buildDir, 'server/main.js')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CAUCUS_DATA_DIR: dataDir,
      CAUCUS_SIGNUP: 'open',
      CAUCUS_RATE_WRITES: '100000',
      CAUCUS_RATE_READS: '100000',
      // A folder that does not exist: the server then serves the API and websockets only.
      CAUCUS_CLIENT_DIR: join(dataDir, 'no-client-build'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    stdout += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    stderr += chunk.toString()
  })

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  )
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
  })

  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = () => {
      const match = /Caucus is running at (http:\/\/[^\s"]+)/.exec(output)
      if (match) {
        child.stdout!.off('data', onData)
        resolveUrl(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)))
  })

  // Sessions are stored, so a restart at the same address keeps the sign-in (and spares a password hash).
  const auth = previous?.url === url ? previous.auth : await signUpOrIn(url, DEFAULT_USER.name, DEFAULT_USER.email)
  setDefaultCredentials(url, auth)
  const server: ChildServer = {
    url,
    auth,
    wsUrl: url.replace(/^http/, 'ws') + COLLAB_PATH,
    child,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    kill: async (signal) => {
      child.kill(signal)
      return exited
    },
    restart: () => spawnServer(dataDir, options, server),
  }
  return server
}
