import { onTestFinished } from 'vitest'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import { startChildServer, type ChildServer } from './childServer.js'
import { freePort } from './freePort.js'
import { createTestSchema, testDatabaseUrl } from './postgres.js'
import { TEST_REDIS_URL } from './redis.js'
import { startTcpBalancer, type TcpBalancer } from './tcpBalancer.js'
import { tempDir } from './tempDir.js'
import { DEFAULT_USER, signUpOrIn, type Credentials } from './testAuth.js'

export interface Cluster {
  /** The one address clients use (a round-robin balancer in front of every process). */
  balancer: TcpBalancer
  wsUrl: string
  processes: ChildServer[]
  /** The processes' own ports, in order. */
  ports: number[]
  /** The default test user, signed in through the balancer. */
  auth: Credentials
  /** What each process's `/metrics` says `name` is (read from the process directly). */
  metric(process: number, name: string): Promise<number>
}

export interface ClusterOptions {
  processes?: number
  /** Redis as the processes reach it (a tcpProxy's URL in outage tests). */
  redisUrl?: string
  /** PostgreSQL's port as the processes reach it (a tcpProxy's port in outage tests). */
  postgresPort?: number
  /** The built client each process serves (`dist/client`, after `npx vite build`), for browser tests; API only without it. */
  clientDir?: string
}

/**
 * Several real server processes on one PostgreSQL schema, linked through Redis, behind a round-robin balancer:
 * Caucus as the README's several-process setup runs it (nginx there, a TCP balancer here). Everything is removed
 * when the test finishes.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.processes ?? 2
  const schema = await createTestSchema()
  onTestFinished(() => schema.drop())
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()))
  const balancer = await startTcpBalancer(ports)
  onTestFinished(() => balancer.close())
  const env = {
    DATABASE_URL: testDatabaseUrl(schema.schema, { port: options.postgresPort }),
    REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
    // People come through the balancer; each process's own address is allowed too (the helpers sign in there).
    CAUCUS_ORIGIN: balancer.url,
    CAUCUS_ORIGINS: ports.map((port) => `http://127.0.0.1:${port}`).join(','),
    ...(options.clientDir ? { CAUCUS_CLIENT_DIR: options.clientDir } : {}),
  }
  const processes: ChildServer[] = []
  // One after the other: the first migrates the schema.
  for (const port of ports) processes.push(await startChildServer(tempDir(), { env: { ...env, PORT: String(port) } }))
  const auth = await signUpOrIn(balancer.url, DEFAULT_USER.name, DEFAULT_USER.email)
  return {
    balancer,
    wsUrl: balancer.url.replace(/^http/, 'ws') + COLLAB_PATH,
    processes,
    ports,
    auth,
    async metric(index, name) {
      const text = await (await fetch(`http://127.0.0.1:${ports[index]}/metrics`)).text()
      const line = text.split('\n').find((entry) => entry.startsWith(`${name} `))
      if (!line) throw new Error(`${name} is not in the metrics of process ${index}`)
      return Number(line.split(' ')[1])
    },
  }
}
