import type { Context } from 'hono'
import type { Relay } from '../collab/relay/Relay.js'
import type { Storage } from '../storage/Storage.js'
import type { LogFunction } from './logger.js'

/** A storage that has not answered by then counts as unreachable (a probe must not hang with it). */
const READY_TIMEOUT_MS = 2_000

/** An id no document has (ids are generated, see shared/docId.ts): looking it up touches storage and reads nothing. */
const PROBE_ID = 'readiness-probe'

/**
 * `GET /api/ready`: 200 when storage answers a cheap query (and, with several processes, Redis is connected), 503
 * otherwise, so a load balancer stops sending
 * people to a process that could not load or save their documents. (`/api/health` is liveness only.)
 * It uses `getDocument`, which every storage has, rather than a storage-specific ping.
 */
export function readinessHandler(storage: Storage, log: LogFunction, relay: Relay | null = null, timeoutMs = READY_TIMEOUT_MS) {
  return async (c: Context) => {
    // Without Redis this process edits alone: its clients would not see colleagues on other processes.
    if (relay && !relay.isConnected) {
      return c.json({ ready: false, error: { code: 'redis_unavailable', message: 'The server cannot reach Redis, which links it to the other Caucus processes.' } }, 503)
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))
    try {
      await Promise.race([storage.getDocument(PROBE_ID), timedOut])
      return c.json({ ready: true })
    } catch (error) {
      log('readiness: storage is unreachable', error, { level: 'warn', event: 'ready.storageUnavailable' })
      return c.json({ ready: false, error: { code: 'storage_unavailable', message: 'The server cannot reach its storage.' } }, 503)
    } finally {
      clearTimeout(timer)
    }
  }
}
