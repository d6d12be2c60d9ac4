import { connect, createServer, type Socket } from 'node:net'

/**
 * A round-robin TCP load balancer on 127.0.0.1, standing in for nginx in process tests: each new connection goes
 * to the next backend port, skipping one that refuses (a dead process), with no sticky routing. Bytes pass as
 * they are (Host and Origin included), so the servers must accept the balancer's origin (CAUCUS_ORIGIN). The
 * caller closes it (the bench uses it too, outside vitest).
 */
export interface TcpBalancer {
  readonly port: number
  readonly url: string
  /** How many connections each backend port was given. */
  readonly connectionsPerBackend: ReadonlyMap<number, number>
  close(): Promise<void>
}

export async function startTcpBalancer(backendPorts: readonly number[]): Promise<TcpBalancer> {
  const sockets = new Set<Socket>()
  const given = new Map<number, number>()
  let next = 0
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  /** Tries each backend once, starting from the next in turn; resets the client if none answers. */
  const route = (client: Socket, attempt = 0) => {
    if (attempt >= backendPorts.length) return client.resetAndDestroy()
    const port = backendPorts[next++ % backendPorts.length]!
    const upstream = connect(port, '127.0.0.1')
    upstream.once('connect', () => {
      given.set(port, (given.get(port) ?? 0) + 1)
      track(upstream)
      client.pipe(upstream)
      upstream.pipe(client)
      upstream.on('close', () => client.destroy())
      client.on('close', () => upstream.destroy())
      client.resume()
    })
    upstream.once('error', () => {
      if (!upstream.readyState.startsWith('open')) route(client, attempt + 1)
    })
  }
  const server = createServer({ pauseOnConnect: true }, (client) => {
    track(client)
    route(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const close = async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return { port, url: `http://127.0.0.1:${port}`, connectionsPerBackend: given, close }
}
