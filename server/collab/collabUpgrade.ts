import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import { CloseCode } from '../../shared/closeCodes.js'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import type { AccessDecision, AccessPolicy } from './access.js'
import type { CollabServer } from './CollabServer.js'
import { wsCollabSocket } from './wsSocket.js'

const PATH_PREFIX = `${COLLAB_PATH}/`

/**
 * The HTTP server's `upgrade` handler: `/collab/<docId>` becomes a y-websocket connection. Access is decided
 * before the upgrade; a refused client is accepted and closed at once with a named 44xx code, which tells a
 * stock WebsocketProvider to stop retrying (a refused HTTP upgrade would make it retry for ever).
 *
 * It speaks to `ws` directly rather than through Hono's websocket helper: that helper keeps each connection's
 * HTTP request and context alive for the socket's whole life and copies every frame into a new ArrayBuffer,
 * which the benchmark showed in memory per room and CPU per message. Plain HTTP on this path gets a 426 from
 * the Hono app.
 */
export function collabUpgradeHandler(wss: WebSocketServer, collab: CollabServer, policy: AccessPolicy) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?', 1)[0]!
    if (!path.startsWith(PATH_PREFIX)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    let docId: string
    try {
      docId = decodeURIComponent(path.slice(PATH_PREFIX.length))
    } catch {
      docId = ''
    }
    // A socket that fails while access is decided is simply dropped.
    const ignoreError = () => socket.destroy()
    socket.on('error', ignoreError)
    void decide(policy, docId, request).then((decision) => {
      socket.off('error', ignoreError)
      if (socket.destroyed) return
      wss.handleUpgrade(request, socket, head, (ws) => accept(collab, ws, docId, decision))
    })
  }
}

async function decide(policy: AccessPolicy, docId: string, request: IncomingMessage): Promise<AccessDecision> {
  try {
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    return await policy.decide({ docId, headers })
  } catch (error) {
    console.error('[collab] access check failed', error)
    return { allow: false, close: 'storageUnavailable' }
  }
}

function accept(collab: CollabServer, ws: WebSocket, docId: string, decision: AccessDecision): void {
  if (!decision.allow) {
    ws.close(CloseCode[decision.close], decision.close)
    return
  }
  const events = collab.connect(wsCollabSocket(ws), docId, decision.access, decision.principal)
  // ws hands binary frames over as Buffers (Uint8Arrays): no copy on the way in.
  ws.on('message', (data: RawData, isBinary: boolean) => {
    events.onMessage(isBinary ? toUint8Array(data) : data.toString())
  })
  ws.on('close', () => events.onClose())
  ws.on('error', () => ws.terminate())
}

const toUint8Array = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data
