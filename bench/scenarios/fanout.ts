import type { Metrics } from '../clients/jobs.js'
import { TARGET_ORDER, type TargetName } from '../targets/index.js'
import { measureCommitTimes } from './commitTime.js'
import { targetRef, withFreshServer, type RunContext, type Scenario } from './harness.js'
import { runJob, startReceivers } from './workers.js'

const TYPERS = 5
const INTERVAL_MS = 50
const DRAIN_MS = 20_000

const durationOf = (context: RunContext) => (context.quick ? 2_000 : 10_000)

function runFanout(name: TargetName, context: RunContext, clients: number): Promise<Metrics> {
  return withFreshServer(name, context, {}, async (running) => {
    const [room] = await running.createRooms(1, 'fanout')
    const job = { kind: 'fanout', target: targetRef(running), room: room!, clients, typers: TYPERS, intervalMs: INTERVAL_MS } as const
    return runJob({ ...job, durationMs: durationOf(context), drainMs: DRAIN_MS, savedAcks: false }, 300_000)
  })
}

/** Scenario 1: one room, 5 typers every 50 ms, everyone else receiving; one scenario per room size. */
export function fanoutScenarios(quick: boolean): Scenario[] {
  const sizes = quick ? [10, 20, 40] : [10, 50, 200]
  return sizes.map((clients) => ({
    id: `fanout-${clients}`,
    title: `fan-out, ${clients} clients in one room, ${TYPERS} typing every ${INTERVAL_MS} ms`,
    // The in-memory diagnostic only where it explains a target (CPU per update at 50 clients).
    targets: clients === 50 || quick ? [...TARGET_ORDER, 'caucus-mem', 'caucus-pg', 'caucus-2p'] : [...TARGET_ORDER, 'caucus-pg', 'caucus-2p'],
    reps: 3,
    run: (name, context) => runFanout(name, context, clients),
  }))
}

/**
 * Scenario 5 (Caucus only): scenario 1's load with 50 clients; the 5 typers time each edit until a "saved" ack
 * covers it. The other 45 clients run in a second process: in one process the typers' acks would wait behind
 * the receivers' work on every update, and the figure would be the client's queue, not the server's.
 */
function runDurableAck(name: TargetName, context: RunContext, clients: number): Promise<Metrics> {
  return withFreshServer(name, context, {}, async (running) => {
    const [room] = await running.createRooms(1, 'durable')
    const target = targetRef(running)
    const load = await startReceivers({ kind: 'receivers', target, room: room!, clients: clients - TYPERS, typers: TYPERS, timeoutMs: 120_000 }, 150_000)
    const typing = await runJob(
      { kind: 'fanout', target, room: room!, clients: TYPERS, typers: TYPERS, intervalMs: INTERVAL_MS, durationMs: durationOf(context), drainMs: DRAIN_MS, savedAcks: true },
      300_000,
    )
    const receivers = clients - TYPERS
    const { receivedMarkers } = await load.stop(typing.sent! * receivers, DRAIN_MS)
    const delivered = typing.delivered! + receivedMarkers!
    return {
      ...typing,
      // Every client, in both processes: the typers see each other's edits, the others everyone's.
      delivered,
      deliveredPct: (100 * delivered) / (typing.sent! * (clients - 1)),
      cpuUsPerDelivered: (typing.serverCpuMs! * 1000) / delivered,
    }
  })
}

export function durableAckScenario(quick: boolean): Scenario {
  const clients = quick ? 10 : 50
  return {
    id: 'durable-ack',
    title: `durable ack under fan-out load (${clients} clients, ${TYPERS} typing; typers and receivers in separate processes)`,
    targets: ['caucus', 'caucus-mem', 'caucus-pg', 'caucus-2p'],
    reps: 3,
    run: async (name, context) => {
      const metrics = await runDurableAck(name, context, clients)
      // After the durable server's measurement, on the same disk: what one commit costs by itself.
      return name === 'caucus' ? { ...metrics, ...(await measureCommitTimes(context.tmpRoot)) } : metrics
    },
  }
}
