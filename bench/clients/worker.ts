/** A client process: runs one job from the orchestrator (IPC), replies with its metrics, and exits. */
import { coldRead, coldWrite } from './coldLoad.js'
import { fanout } from './fanout.js'
import type { Job, JobReply, Metrics } from './jobs.js'
import { manyRooms } from './manyRooms.js'
import { receivers } from './receivers.js'
import { throughput } from './throughput.js'

function run(job: Job): Promise<Metrics> {
  switch (job.kind) {
    case 'fanout':
      return fanout(job)
    case 'receivers':
      return receivers(job)
    case 'manyRooms':
      return manyRooms(job)
    case 'throughput':
      return throughput(job)
    case 'coldWrite':
      return coldWrite(job)
    case 'coldRead':
      return coldRead(job)
  }
}

// Each WebsocketProvider adds a process "exit" listener; hundreds of clients are expected here.
process.setMaxListeners(0)

process.once('message', (job: Job) => {
  run(job).then(
    (metrics): JobReply => ({ ok: true, metrics }),
    (error: unknown): JobReply => ({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  ).then((reply) => process.send!(reply, () => process.exit(0)))
})
