import { freePort } from '../../test/helpers/freePort.js'
import { startTcpBalancer } from '../../test/helpers/tcpBalancer.js'
import type { SpawnedServer } from '../proc.js'
import { benchDatabaseUrl } from './postgresSchema.js'

/** The Redis the `caucus-2p` target links its processes through; `BENCH_REDIS_URL` points elsewhere. */
const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Caucus as two processes on one PostgreSQL schema, linked by Redis, behind a round-robin TCP balancer (nginx's
 * part in the README's setup): clients alternate between the processes, so half of every delivery crosses Redis.
 * Returned as one server whose port is the balancer's and whose stop stops everything; the scenarios add up the
 * two processes' CPU and memory (`serverPids`).
 */
export async function startTwoProcesses(
  spawnOne: (env: Record<string, string>) => Promise<SpawnedServer>,
  dataDir: string,
): Promise<{ server: SpawnedServer; serverPids: number[] }> {
  const ports = [await freePort(), await freePort()]
  const balancer = await startTcpBalancer(ports)
  const env = {
    DATABASE_URL: await benchDatabaseUrl(dataDir),
    REDIS_URL: BENCH_REDIS_URL,
    CAUCUS_ORIGIN: balancer.url,
  }
  const processes: SpawnedServer[] = []
  try {
    // One after the other: the first migrates the schema.
    for (const port of ports) processes.push(await spawnOne({ ...env, PORT: String(port) }))
  } catch (error) {
    await Promise.all(processes.map((process) => process.stop('SIGKILL')))
    await balancer.close()
    throw error
  }
  const [first, second] = processes as [SpawnedServer, SpawnedServer]
  const server: SpawnedServer = {
    pid: first.pid,
    port: balancer.port,
    child: first.child,
    startMs: first.startMs + second.startMs,
    output: () => `${first.output()}\n--- second process ---\n${second.output()}`,
    stop: async (signal, graceMs) => {
      await Promise.all(processes.map((process) => process.stop(signal, graceMs)))
      await balancer.close()
    },
  }
  return { server, serverPids: processes.map((process) => process.pid) }
}
