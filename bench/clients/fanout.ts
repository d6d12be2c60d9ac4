import * as Y from 'yjs'
import { subscribeSavedAcks } from '../../shared/savedState.js'
import { otherCpuPct, sumCpuUs, sumMemory, sampleMachine } from '../proc.js'
import { summarize } from '../stats.js'
import { connectMany, pollUntil, sleep, type BenchClient } from './connect.js'
import type { Job, Metrics } from './jobs.js'
import { MarkerLog } from './markers.js'

type FanoutJob = Extract<Job, { kind: 'fanout' }>

/** Per typer: its edits waiting for a "saved" ack that covers them. */
interface AckTracker {
  pending: { clock: number; sentAt: number }[]
  latencies: number[]
}

const ownClock = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0

function trackSavedAcks(client: BenchClient): AckTracker {
  const tracker: AckTracker = { pending: [], latencies: [] }
  if (!client.websocketProvider) throw new Error('saved acks need a y-websocket provider')
  subscribeSavedAcks(client.websocketProvider, (saved) => {
    const now = performance.now()
    const stored = saved.sv.get(client.doc.clientID) ?? 0
    while (tracker.pending.length > 0 && tracker.pending[0]!.clock <= stored) tracker.latencies.push(now - tracker.pending.shift()!.sentAt)
  })
  return tracker
}

/**
 * Scenario 1 (and 5 with `savedAcks`): `clients` clients in one room, the first `typers` of them each inserting
 * a marker every `intervalMs` for `durationMs`; every other client records when each marker arrives.
 */
export async function fanout(job: FanoutJob): Promise<Metrics> {
  const markers = new MarkerLog()
  const clients = await connectMany(job.target, job.clients, () => job.room, { concurrency: 50, timeoutMs: 120_000 })
  const typers = clients.slice(0, job.typers)
  const receipts = new Map<string, number>()
  const latencies: number[] = []
  for (const client of clients) {
    markers.observe(client.doc, (writer, key, ms) => {
      receipts.set(key, (receipts.get(key) ?? 0) + 1)
      // Writer ids at or above `typers` are warm-up markers, not measured.
      if (writer < job.typers && Number.isFinite(ms)) latencies.push(ms)
    })
  }
  const receivers = job.clients - 1
  const allReceived = (key: string) => (receipts.get(key) ?? 0) >= receivers

  // Warm-up: one marker that every client must see proves the room is fully joined before the clock starts.
  const warmKey = markers.type(typers[0]!.doc, job.typers)
  if (!(await pollUntil(() => allReceived(warmKey), 30_000))) {
    throw new Error(`${job.target.name}: warm-up marker reached ${receipts.get(warmKey) ?? 0} of ${receivers} clients`)
  }
  const ackTrackers = job.savedAcks ? typers.map(trackSavedAcks) : []
  // Let each subscription's first ack (the state before typing) arrive.
  if (job.savedAcks) await sleep(300)

  const editsPerTyper = Math.floor(job.durationMs / job.intervalMs)
  const sentKeys: string[] = []
  const machine0 = sampleMachine([...job.target.serverPids, process.pid])
  const serverCpu0 = sumCpuUs(job.target.serverPids)
  const clientCpu0 = process.cpuUsage()
  const started = performance.now()
  await Promise.all(
    typers.map(
      (client, index) =>
        new Promise<void>((resolve) => {
          let sent = 0
          const tick = () => {
            const key = markers.type(client.doc, index)
            sentKeys.push(key)
            ackTrackers[index]?.pending.push({ clock: ownClock(client.doc), sentAt: markers.sentTime(key)! })
            if (++sent >= editsPerTyper || performance.now() - started > job.durationMs * 3) {
              clearInterval(timer)
              resolve()
            }
          }
          let timer: NodeJS.Timeout | undefined
          // Staggered so the typers do not all fire in the same millisecond.
          setTimeout(() => (timer = setInterval(tick, job.intervalMs)), (index * job.intervalMs) / job.typers)
        }),
    ),
  )
  // Every target gets the same edits; when the client process falls behind, typing takes longer (typedMs says).
  const typedMs = performance.now() - started
  await pollUntil(
    () => sentKeys.every(allReceived) && ackTrackers.every((t) => t.pending.length === 0),
    job.drainMs,
    10,
  )
  const serverCpuUs = sumCpuUs(job.target.serverPids) - serverCpu0
  const otherCpu = otherCpuPct(machine0, sampleMachine([...job.target.serverPids, process.pid]))
  const clientCpu = process.cpuUsage(clientCpu0)
  const wallMs = performance.now() - started
  const memory = sumMemory(job.target.serverPids)
  for (const client of clients) client.destroy()

  const delivered = sentKeys.reduce((sum, key) => sum + Math.min(receivers, receipts.get(key) ?? 0), 0)
  const latency = summarize(latencies)
  const acks = summarize(ackTrackers.flatMap((t) => t.latencies))
  return {
    sent: sentKeys.length,
    typedMs,
    delivered,
    deliveredPct: (100 * delivered) / (sentKeys.length * receivers),
    latencyP50: latency.p50,
    latencyP95: latency.p95,
    latencyP99: latency.p99,
    latencyMax: latency.max,
    serverCpuMs: serverCpuUs / 1000,
    cpuUsPerDelivered: serverCpuUs / delivered,
    otherCpuPct: otherCpu,
    clientCpuPct: (100 * (clientCpu.user + clientCpu.system)) / 1000 / wallMs,
    rssMb: memory.rssKb / 1024,
    peakRssMb: memory.peakRssKb / 1024,
    ...(job.savedAcks
      ? { ackP50: acks.p50, ackP95: acks.p95, ackP99: acks.p99, ackMax: acks.max, ackedPct: (100 * acks.count) / sentKeys.length }
      : {}),
  }
}
