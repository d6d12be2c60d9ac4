import { TARGET_ORDER } from '../targets/index.js'
import { targetRef, withFreshServer, type Scenario } from './harness.js'
import { runJob } from './workers.js'

/** Scenario 4: 4 writers as fast as the server keeps up (bounded in-flight window), 2 readers. */
export function throughputScenario(quick: boolean): Scenario {
  const durationMs = quick ? 2_000 : 10_000
  return {
    id: 'throughput',
    title: `throughput, 4 writers (at most 64 updates in flight each) and 2 readers, ${durationMs / 1000} s`,
    targets: [...TARGET_ORDER, 'caucus-mem', 'caucus-pg', 'caucus-2p'],
    reps: 3,
    run: (name, context) =>
      withFreshServer(name, context, {}, async (running) => {
        const [room] = await running.createRooms(1, 'throughput')
        return runJob(
          { kind: 'throughput', target: targetRef(running), room: room!, writers: 4, readers: 2, window: 64, durationMs, drainMs: 20_000 },
          120_000,
        )
      }),
  }
}
