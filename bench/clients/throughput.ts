import { otherCpuPct, sumCpuUs, sumMemory, sampleMachine } from '../proc.js'
import { connectMany, pollUntil, sleep } from './connect.js'
import type { Job, Metrics } from './jobs.js'
import { MarkerLog } from './markers.js'

type ThroughputJob = Extract<Job, { kind: 'throughput' }>

/**
 * Scenario 4: writers insert markers as fast as the server keeps up: each keeps at most `window` updates that
 * the first reader has not yet observed. Counts what both readers received.
 */
export async function throughput(job: ThroughputJob): Promise<Metrics> {
  const markers = new MarkerLog()
  const clients = await connectMany(job.target, job.writers + job.readers, () => job.room, { concurrency: 10, timeoutMs: 30_000 })
  const writers = clients.slice(0, job.writers)
  const readers = clients.slice(job.writers)
  const inFlight = writers.map(() => 0)
  const received = readers.map(() => 0)
  let stopped = true
  let lastDelivery = 0

  const pump = (writer: number) => {
    while (!stopped && inFlight[writer]! < job.window) {
      inFlight[writer]!++
      markers.type(writers[writer]!.doc, writer)
    }
  }
  readers.forEach((reader, index) => {
    markers.observe(reader.doc, (writer) => {
      received[index]!++
      lastDelivery = performance.now()
      if (index !== 0 || writer >= job.writers) return
      inFlight[writer]!--
      // Not from inside the observer: the next edits go out once this update is fully applied.
      setImmediate(() => pump(writer))
    })
  })

  // Warm-up: one marker both readers must see before the clock starts.
  markers.type(writers[0]!.doc, job.writers)
  if (!(await pollUntil(() => received.every((n) => n >= 1), 30_000))) throw new Error(`${job.target.name}: warm-up marker not received`)
  received.fill(0)

  const machine0 = sampleMachine([...job.target.serverPids, process.pid])
  const serverCpu0 = sumCpuUs(job.target.serverPids)
  const clientCpu0 = process.cpuUsage()
  const started = performance.now()
  stopped = false
  writers.forEach((_, writer) => pump(writer))
  await sleep(job.durationMs)
  stopped = true
  const sent = markers.sentCount - 1
  const drained = await pollUntil(() => received.every((n) => n >= sent), job.drainMs, 5)
  const serverCpuUs = sumCpuUs(job.target.serverPids) - serverCpu0
  const otherCpu = otherCpuPct(machine0, sampleMachine([...job.target.serverPids, process.pid]))
  const clientCpu = process.cpuUsage(clientCpu0)
  const elapsedMs = lastDelivery - started
  const memory = sumMemory(job.target.serverPids)
  for (const client of clients) client.destroy()

  const delivered = Math.min(...received)
  return {
    sent,
    delivered,
    deliveredPct: (100 * delivered) / sent,
    drained: drained ? 1 : 0,
    updatesPerSec: (delivered * 1000) / elapsedMs,
    cpuMsPer1k: serverCpuUs / delivered,
    // What one core of server CPU would sustain at that cost: the server's share, apart from the clients'.
    serverCapacityPerSec: (delivered * 1_000_000) / serverCpuUs,
    serverCpuPct: (100 * serverCpuUs) / 1000 / elapsedMs,
    otherCpuPct: otherCpu,
    clientCpuPct: (100 * (clientCpu.user + clientCpu.system)) / 1000 / elapsedMs,
    peakRssMb: memory.peakRssKb / 1024,
  }
}
