import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { spawnServer, type SpawnedServer } from '../proc.js'
import { builtScript, CAUCUS_BENCH_ENV, repoRoot } from '../targets/index.js'

/**
 * The built client for this run: `vite build` first if dist/client is missing, then a copy in `tmpRoot`, so a
 * rebuild elsewhere on the machine during the run (npm test rebuilds dist/client) cannot change what is served.
 * BENCH_BROWSER_CLIENT_DIR=<folder> measures another build instead (e.g. an older commit's, for before/after).
 */
export function snapshotClient(tmpRoot: string): string {
  const other = process.env.BENCH_BROWSER_CLIENT_DIR
  const built = other ?? join(repoRoot, 'dist/client')
  if (other && !existsSync(join(other, 'index.html'))) throw new Error(`BENCH_BROWSER_CLIENT_DIR has no index.html: ${other}`)
  if (!existsSync(join(built, 'index.html'))) {
    console.log('  dist/client is missing: running vite build')
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' })
  }
  const copy = join(tmpRoot, 'client-build')
  mkdirSync(copy, { recursive: true })
  cpSync(built, copy, { recursive: true })
  return copy
}

/**
 * The real Caucus server (server/main.ts compiled, as `npm start` runs it) serving the built client, on a free port.
 * Started here rather than through startTarget, which points Caucus at no client on purpose.
 */
export async function startCaucusWithClient(dataDir: string, clientDir: string, cpuProfDir?: string): Promise<SpawnedServer> {
  mkdirSync(dataDir, { recursive: true })
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []
  return spawnServer({
    args: [...profile, await builtScript('caucus')],
    cwd: repoRoot,
    env: { ...process.env, ...CAUCUS_BENCH_ENV, PORT: '0', HOST: '127.0.0.1', CAUCUS_DATA_DIR: dataDir, CAUCUS_CLIENT_DIR: clientDir, NODE_ENV: 'production' },
    portPattern: /127\.0\.0\.1:(\d+)/,
  })
}
