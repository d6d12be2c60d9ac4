import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { waitFor } from './waitFor.js'

/** Debian's nginx (`apt-get install -y nginx`); the deploy samples are written for it. */
export const NGINX = '/usr/sbin/nginx'

/**
 * Whether every program a test runs is installed. Without one the test is skipped with one loud line on a
 * laptop, but under CI=true its absence is a failure, never a silent skip.
 */
export function programsAvailable(paths: string[], what: string): boolean {
  const missing = paths.filter((path) => !existsSync(path))
  if (missing.length === 0) return true
  const reason = `${missing.join(', ')} missing (apt-get install -y ${missing.map((path) => path.split('/').at(-1)).join(' ')})`
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`)
  console.warn(`\n*** SKIPPING ${what}: ${reason} ***\n`)
  return false
}

/**
 * Replaces each `from` in an nginx configuration with its `to`, and fails if one does not occur: a sample that
 * changed shape must break the test that rewrites it, not be tested half-rewritten.
 */
export function rewriteConfig(text: string, replacements: [from: string, to: string][]): string {
  let result = text
  for (const [from, to] of replacements) {
    if (!result.includes(from)) throw new Error(`the configuration no longer contains "${from}"`)
    result = result.replaceAll(from, to)
  }
  return result
}

/** One line of the access log the test's nginx writes: enough to see which process answered. */
export interface AccessLogEntry {
  status: number
  method: string
  uri: string
  /** Every process nginx tried, in order (`127.0.0.1:3001`): more than one when it passed the request on. */
  upstreams: string[]
}

export interface RunningNginx {
  /** The access log so far (a request is logged once its answer has been sent; a websocket once it closed). */
  accessLog(): AccessLogEntry[]
  errorLog(): string
}

/**
 * The main configuration around a site file, as Debian's /etc/nginx/nginx.conf includes sites-enabled/*: every
 * path inside `dir`, one worker, and an access log that names the upstream (process) of each request.
 */
function mainConfig(dir: string): string {
  const temp = (name: string) => join(dir, 'temp', name)
  return `worker_processes 1;
events { worker_connections 256; }
http {
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  log_format upstreams '$status|$request_method|$request_uri|$upstream_addr';
  access_log ${join(dir, 'access.log')} upstreams;
  include ${join(dir, 'site.conf')};
}
`
}

/** `-g` directives: in the foreground, pid and error log in `dir`; as root, workers run as root (they read `dir`). */
function globalDirectives(dir: string): string {
  const asRoot = process.getuid?.() === 0 ? ' user root;' : ''
  return `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')} notice;${asRoot}`
}

function prepare(dir: string, site: string): string[] {
  mkdirSync(join(dir, 'temp'), { recursive: true })
  writeFileSync(join(dir, 'site.conf'), site)
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir))
  return ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', globalDirectives(dir)]
}

/** `nginx -t` on a site configuration: whether nginx accepts it, and what it said. */
export function checkNginxConfig(dir: string, site: string): { ok: boolean; output: string } {
  const result = spawnSync(NGINX, ['-t', ...prepare(dir, site)], { encoding: 'utf8' })
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

/**
 * Runs nginx as the current user with `site` (a site file, as in sites-enabled) until the test finishes; resolves
 * once it accepts connections on every port in `ports`.
 */
export async function startNginx(dir: string, site: string, ports: number[]): Promise<RunningNginx> {
  const child = spawn(NGINX, prepare(dir, site), { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '')
  onTestFinished(async () => {
    // SIGTERM, not SIGKILL: the master stops its workers, which would otherwise keep the ports.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  })
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error('exited')
      return (await Promise.all(ports.map(accepts))).every(Boolean)
    },
    { message: () => `nginx to listen on ${ports.join(', ')}:\n${output}\n${errorLog()}` },
  )
  return {
    errorLog,
    accessLog: () => {
      const path = join(dir, 'access.log')
      if (!existsSync(path)) return []
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [status, method, uri, upstreams] = line.split('|')
          return { status: Number(status), method: method!, uri: uri!, upstreams: (upstreams ?? '').split(', ').filter((u) => u !== '-') }
        })
    },
  }
}
