import { sumMemory } from '../proc.js'
import { connectMany, sleep } from './connect.js'
import type { Job, Metrics } from './jobs.js'

type ManyRoomsJob = Extract<Job, { kind: 'manyRooms' }>

/** Scenario 2: `clientsPerRoom` clients in each of many rooms; time until all joined, server memory after. */
export async function manyRooms(job: ManyRoomsJob): Promise<Metrics> {
  const count = job.rooms.length * job.clientsPerRoom
  const started = performance.now()
  const clients = await connectMany(job.target, count, (i) => job.rooms[Math.floor(i / job.clientsPerRoom)]!, {
    concurrency: job.concurrency,
    timeoutMs: job.timeoutMs,
  })
  const connectMs = performance.now() - started
  // A moment for the server to finish what joining started (awareness broadcasts, writes) before measuring.
  await sleep(1000)
  const memory = sumMemory(job.target.serverPids)
  for (const client of clients) client.destroy()
  return { clients: count, connectMs, rssMb: memory.rssKb / 1024, peakRssMb: memory.peakRssKb / 1024 }
}
