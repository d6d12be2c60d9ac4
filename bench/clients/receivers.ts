import { connectMany, pollUntil } from './connect.js'
import type { Job, Metrics, ReceiversReady, ReceiversStop } from './jobs.js'
import { MarkerLog } from './markers.js'

type ReceiversJob = Extract<Job, { kind: 'receivers' }>

/**
 * Scenario 5's load: receivers in their own process, so the typers' "saved" acks are not queued behind the
 * receivers' work in one event loop. Joins, says ready, counts the typers' markers until told to stop.
 */
export async function receivers(job: ReceiversJob): Promise<Metrics> {
  const markers = new MarkerLog()
  const clients = await connectMany(job.target, job.clients, () => job.room, { concurrency: 50, timeoutMs: job.timeoutMs })
  let received = 0
  for (const client of clients) {
    markers.observe(client.doc, (writer) => {
      if (writer < job.typers) received++
    })
  }
  const stop = new Promise<ReceiversStop>((resolve) => process.once('message', (message) => resolve(message as ReceiversStop)))
  process.send!({ ready: true } satisfies ReceiversReady)
  const { expectedReceipts, drainMs } = await stop
  await pollUntil(() => received >= expectedReceipts, drainMs, 10)
  for (const client of clients) client.destroy()
  return { receivedMarkers: received }
}
