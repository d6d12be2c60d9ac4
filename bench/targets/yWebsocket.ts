/**
 * The reference y-websocket server, `@y/websocket-server` 0.1.1, wired exactly as its own `src/server.js`
 * (with the `ws` it ships), except that it listens on port 0 and prints the port it got. With
 * BENCH_STORE_DIR set, its stock persistence (y-leveldb, through the YPERSISTENCE variable) is on.
 */
import http from 'node:http'
import { createRequire } from 'node:module'

if (process.env.BENCH_STORE_DIR) process.env.YPERSISTENCE = process.env.BENCH_STORE_DIR
// Imported after YPERSISTENCE is set: utils reads it when it loads.
const { setupWSConnection, getPersistence } = await import('@y/websocket-server/utils')

// The `ws` version that @y/websocket-server depends on (6.x), not the project's.
const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@y/websocket-server/utils'))
// ws 6 has no types of its own here; it exposes the same Server class that @types/ws describes as WebSocketServer.
const { Server: WebSocketServer } = requireFromServer('ws') as { Server: typeof import('ws').WebSocketServer }

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(`y-websocket listening on 127.0.0.1:${typeof address === 'string' ? address : address?.port}`)
})

const stop = async () => {
  // y-leveldb queues writes; closing the database waits for them.
  const persistence = getPersistence() as { provider?: { destroy(): Promise<void> } } | null
  await persistence?.provider?.destroy()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
