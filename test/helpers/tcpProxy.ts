import { createServer, connect, type Server, type Socket } from 'node:net'
import { onTestFinished } from 'vitest'

/**
 * What happens to connections while the proxy is cut:
 * - `reset`: each new connection is accepted and reset at once (the client sees ECONNRESET right away, as when a
 *   server is down but its host answers);
 * - `blackhole`: each new connection is accepted and then ignored, nothing ever answers (as when packets are
 *   dropped: only the client's own timeouts end the wait). Restoring resets these held connections.
 */
export type CutMode = 'reset' | 'blackhole'

/** Which bytes `pause` holds: both ways, or only those going to the client (replies) or to the server (requests). */
export type PauseDirection = 'both' | 'toClient' | 'toServer'

/**
 * A TCP proxy on 127.0.0.1 in front of another local port, for fault tests: point a client (PostgreSQL,
 * Redis, …) at `proxy.port` instead of the real port, then break the network between them on demand.
 *
 * ```ts
 * const proxy = await startTcpProxy(5432)
 * const url = `postgres://postgres@127.0.0.1:${proxy.port}/test`
 * proxy.cut()        // open connections reset; new ones refused until…
 * proxy.restore()    // …now: connections go through again (and any pause ends)
 * proxy.pause('toClient') // requests arrive, replies are held (a commit whose answer is lost)
 * proxy.resume()     // held bytes are delivered, in order
 * ```
 * The proxy is closed when the current test finishes (or by `close()`).
 */
export interface TcpProxy {
  /** The port to connect to instead of the target's. */
  readonly port: number
  /** Connections passing bytes now (a held or refused connection during a cut is not counted). */
  readonly openConnections: number
  /** Connections accepted so far, including those a cut refused or held. */
  readonly acceptedConnections: number
  /**
   * Destroys every open connection (with a TCP reset, both sides) and, until `restore()`, resets or holds new
   * ones (see CutMode; `reset` by default). Bytes held by `pause` are dropped with their connections.
   */
  cut(mode?: CutMode): void
  /**
   * Back to normal: ends a cut (connections held by a blackhole are reset now) and a pause (held bytes are
   * delivered); new connections go through again.
   */
  restore(): void
  /**
   * Holds bytes without closing anything: open connections stay open and new ones are connected, but nothing
   * is forwarded in the held direction (`both` by default) until `resume()`. The senders' writes pile up in
   * the sockets' buffers, as on a link that stopped carrying packets.
   */
  pause(direction?: PauseDirection): void
  /** Delivers everything held by `pause`, in order, and forwards normally again. */
  resume(): void
  /** Stops listening and destroys every connection. */
  close(): Promise<void>
}

interface Pair {
  client: Socket
  upstream: Socket
}

/** Starts a proxy on a free port of 127.0.0.1 that forwards to `targetPort` on `targetHost` (127.0.0.1). */
export async function startTcpProxy(targetPort: number, options: { targetHost?: string } = {}): Promise<TcpProxy> {
  const targetHost = options.targetHost ?? '127.0.0.1'
  const pairs = new Set<Pair>()
  const blackholed = new Set<Socket>()
  let cutMode: CutMode | null = null
  let paused: PauseDirection | null = null
  let accepted = 0

  const holds = (direction: 'toClient' | 'toServer') => paused === 'both' || paused === direction

  /** Forwards `from` to `to`, reading `from` only while its direction is not held and `to` keeps up. */
  const forward = (from: Socket, to: Socket, direction: 'toClient' | 'toServer') => {
    from.on('data', (chunk: Buffer) => {
      if (!to.write(chunk)) {
        from.pause()
        to.once('drain', () => {
          if (!holds(direction)) from.resume()
        })
      }
    })
    from.on('end', () => to.end())
    if (holds(direction)) from.pause()
  }

  const dropPair = (pair: Pair) => {
    pairs.delete(pair)
    pair.client.resetAndDestroy()
    pair.upstream.resetAndDestroy()
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    accepted++
    // A peer that resets does so with an error event: expected here, and never a reason to crash the test.
    client.on('error', () => {})
    if (cutMode === 'reset') return void client.resetAndDestroy()
    if (cutMode === 'blackhole') {
      blackholed.add(client)
      client.on('close', () => blackholed.delete(client))
      return
    }
    const upstream = connect({ port: targetPort, host: targetHost })
    upstream.on('error', () => {})
    const pair = { client, upstream }
    pairs.add(pair)
    const forget = () => {
      if (!pairs.delete(pair)) return
      client.destroy()
      upstream.destroy()
    }
    client.on('close', forget)
    upstream.on('close', forget)
    upstream.once('connect', () => {
      forward(client, upstream, 'toServer')
      forward(upstream, client, 'toClient')
      // Accepted paused (pauseOnConnect), so nothing the client sent before the upstream answered is lost.
      if (!holds('toServer')) client.resume()
    })
  })
  server.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('tcpProxy: no port')

  const setReading = () => {
    for (const { client, upstream } of pairs) {
      if (holds('toServer')) client.pause()
      else client.resume()
      if (holds('toClient')) upstream.pause()
      else upstream.resume()
    }
  }

  let closed: Promise<void> | null = null
  const proxy: TcpProxy = {
    port: address.port,
    get openConnections() {
      return pairs.size
    },
    get acceptedConnections() {
      return accepted
    },
    cut(mode = 'reset') {
      cutMode = mode
      for (const pair of [...pairs]) dropPair(pair)
    },
    restore() {
      cutMode = null
      for (const socket of [...blackholed]) socket.resetAndDestroy()
      blackholed.clear()
      proxy.resume()
    },
    pause(direction = 'both') {
      paused = direction
      setReading()
    },
    resume() {
      paused = null
      setReading()
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const pair of [...pairs]) dropPair(pair)
        for (const socket of blackholed) socket.resetAndDestroy()
        blackholed.clear()
      })
      return closed
    },
  }
  onTestFinished(() => proxy.close())
  return proxy
}
