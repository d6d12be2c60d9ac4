import { createServer, type AddressInfo } from 'node:net'

/**
 * A TCP port of 127.0.0.1 that was free a moment ago, for a server that must come back at the same address
 * after a restart (clients then reconnect on their own). Another process could take it in between; on a test
 * machine that is rare enough, and the server would then fail loudly at start.
 */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
