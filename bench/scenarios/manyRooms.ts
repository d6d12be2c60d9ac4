import { TARGET_ORDER } from '../targets/index.js'
import { targetRef, withFreshServer, type Scenario } from './harness.js'
import { runJob } from './workers.js'

/** Scenario 2: 500 rooms × 2 clients: time until every client has joined, server memory afterwards. */
export function manyRoomsScenario(quick: boolean): Scenario {
  const rooms = quick ? 100 : 500
  return {
    id: 'many-rooms',
    title: `many rooms, ${rooms} rooms × 2 clients`,
    // The stack floor is a diagnostic: the least memory a server on Caucus's libraries can have.
    targets: [...TARGET_ORDER, 'stack-floor', 'caucus-pg', 'caucus-2p'],
    reps: 3,
    run: async (name, context) => {
      const metrics = await withFreshServer(name, context, {}, async (running) => {
        const names = await running.createRooms(rooms, 'room')
        return runJob({ kind: 'manyRooms', target: targetRef(running), rooms: names, clientsPerRoom: 2, concurrency: 100, timeoutMs: 120_000 }, 180_000)
      })
      // What each room adds, apart from what the server holds before anyone connects.
      return { ...metrics, rssPerRoomKb: ((metrics.rssMb! - metrics.serverIdleRssMb!) * 1024) / rooms }
    },
  }
}
