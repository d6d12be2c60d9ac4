/**
 * The floor: a raw `ws` relay. Each frame is forwarded, unparsed, to the other sockets of the same room (the
 * URL path). With BENCH_STORE_DIR set it also appends every frame to a per-room file and replays that file to
 * each new socket, which is the least a server can do to survive a restart (cold-load scenario only).
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'

const storeDir = process.env.BENCH_STORE_DIR
const rooms = new Map<string, Set<WebSocket>>()
const files = new Map<string, number>()

const roomFile = (room: string) => join(storeDir!, `${encodeURIComponent(room)}.frames`)

function store(room: string, data: Buffer): void {
  let fd = files.get(room)
  if (fd === undefined) files.set(room, (fd = openSync(roomFile(room), 'a')))
  const header = Buffer.alloc(4)
  header.writeUInt32LE(data.length)
  writeSync(fd, header)
  writeSync(fd, data)
}

function replay(room: string, ws: WebSocket): void {
  if (!existsSync(roomFile(room))) return
  const bytes = readFileSync(roomFile(room))
  for (let offset = 0; offset + 4 <= bytes.length; ) {
    const length = bytes.readUInt32LE(offset)
    ws.send(bytes.subarray(offset + 4, offset + 4 + length))
    offset += 4 + length
  }
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
wss.on('connection', (ws, request) => {
  const room = request.url ?? '/'
  let peers = rooms.get(room)
  if (!peers) rooms.set(room, (peers = new Set()))
  peers.add(ws)
  if (storeDir) replay(room, ws)
  ws.on('message', (data: RawData, isBinary: boolean) => {
    for (const peer of peers) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary })
    if (storeDir) store(room, data as Buffer)
  })
  ws.on('close', () => {
    peers.delete(ws)
    if (peers.size === 0) rooms.delete(room)
  })
})
wss.on('listening', () => {
  const address = wss.address()
  console.log(`floor listening on 127.0.0.1:${typeof address === 'string' ? address : address?.port}`)
})
const stop = () => {
  for (const fd of files.values()) closeSync(fd)
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
