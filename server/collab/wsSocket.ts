import type { WebSocket } from 'ws'
import type { TrafficCounter } from '../ops/CollabMetrics.js'
import type { CollabSocket } from './CollabSocket.js'

/** Adapts a `ws` socket to the collaboration server's socket interface (counting what it sends, for metrics). */
export function wsCollabSocket(ws: WebSocket, traffic?: TrafficCounter): CollabSocket {
  return {
    send: (data) => {
      traffic?.sent(data.byteLength)
      ws.send(data)
    },
    close: (code, reason) => ws.close(code, reason),
    get bufferedAmount() {
      return ws.bufferedAmount
    },
    get isOpen() {
      return ws.readyState === ws.OPEN
    },
  }
}

/**
 * Pings every socket on an interval and terminates the ones that did not answer the previous ping, so a peer
 * that vanished without closing (a sleeping laptop, a dropped network) is noticed and its presence removed.
 */
export function startHeartbeat(sockets: () => Iterable<WebSocket>, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>()
  const watched = new WeakSet<WebSocket>()
  const timer = setInterval(() => {
    for (const ws of sockets()) {
      if (!watched.has(ws)) {
        watched.add(ws)
        alive.add(ws)
        ws.on('pong', () => alive.add(ws))
      }
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
