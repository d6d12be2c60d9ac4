import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Storage } from '../storage/Storage.js'

/** What the websocket transport reports: one counter bump per frame (the hot path stays cheap). */
export interface TrafficCounter {
  received(bytes: number): void
  sent(bytes: number): void
}

/** Live counts read only when scraped, so nothing is tracked for them meanwhile. */
export interface LiveCounts {
  rooms(): number
  connections(): number
}

/**
 * The server's Prometheus metrics, in a registry of its own (several servers in one test process do not mix).
 * Event-loop delay and the usual process figures come from prom-client's default metrics.
 */
export class CollabMetrics implements TrafficCounter {
  readonly registry = new Registry()
  private readonly messagesIn = new Counter({ name: 'caucus_messages_received_total', help: 'Websocket messages received from clients.', registers: [this.registry] })
  private readonly messagesOut = new Counter({ name: 'caucus_messages_sent_total', help: 'Websocket messages sent to clients.', registers: [this.registry] })
  private readonly bytesIn = new Counter({ name: 'caucus_received_bytes_total', help: 'Bytes of websocket messages received.', registers: [this.registry] })
  private readonly bytesOut = new Counter({ name: 'caucus_sent_bytes_total', help: 'Bytes of websocket messages sent.', registers: [this.registry] })
  private readonly saveSeconds = new Histogram({
    name: 'caucus_save_duration_seconds',
    help: 'Time to commit one batch of edits to storage.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  })
  private readonly saveFailures = new Counter({ name: 'caucus_save_failures_total', help: 'Commits of edits that failed (they are retried).', registers: [this.registry] })
  /** Redis fan-out is not there yet: the series exists (at 0) so that dashboards and alerts can be written now. */
  readonly redisResyncs = new Counter({ name: 'caucus_redis_resyncs_total', help: 'Rooms resynchronised after a Redis gap.', registers: [this.registry] })

  constructor(live: LiveCounts) {
    new Gauge({ name: 'caucus_rooms', help: 'Documents loaded in memory.', registers: [this.registry], collect() { this.set(live.rooms()) } })
    new Gauge({ name: 'caucus_connections', help: 'Open websocket connections.', registers: [this.registry], collect() { this.set(live.connections()) } })
    collectDefaultMetrics({ register: this.registry })
  }

  received(bytes: number): void {
    this.messagesIn.inc()
    this.bytesIn.inc(bytes)
  }

  sent(bytes: number): void {
    this.messagesOut.inc()
    this.bytesOut.inc(bytes)
  }

  /** The storage with its edit commits (`appendUpdate`) timed and their failures counted; everything else as is. */
  timedStorage(storage: Storage): Storage {
    const append = storage.appendUpdate.bind(storage)
    const timed = async (docId: string, update: Uint8Array, now: number) => {
      const stop = this.saveSeconds.startTimer()
      try {
        return await append(docId, update, now)
      } catch (error) {
        this.saveFailures.inc()
        throw error
      } finally {
        stop()
      }
    }
    return new Proxy(storage, {
      get: (target, property) => {
        if (property === 'appendUpdate') return timed
        const value: unknown = Reflect.get(target, property, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }
}
