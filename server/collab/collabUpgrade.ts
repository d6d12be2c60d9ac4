import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import { CloseCode } from '../../shared/closeCodes.js'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import type { AccessDecision, AccessPolicy } from './access.js'
import type { CollabServer } from './CollabServer.js'
import { ConnectionCounter } from './ConnectionCounter.js'
import { wsCollabSocket } from './wsSocket.js'
import type { TrafficCounter } from '../ops/CollabMetrics.js'

const PATH_PREFIX = `${COLLAB_PATH}/`

export interface UpgradeOptions {
  /** Take the client address from the last `X-Forwarded-For` entry (behind a proxy that sets it). */
  trustProxy: boolean
  /** Counts frames and bytes both ways (metrics). */
  traffic?: TrafficCounter
}

/** The address an upgrade request came from, as `server/http/clientAddress.ts` reads it for HTTP requests. */
function upgradeAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for']
    const forwarded = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  return request.socket.remoteAddress ?? 'unknown'
}

const tooManyConnectionsBody = JSON.stringify({
  error: { code: 'too_many_connections', message: 'Too many open connections from this address. Close some, then try again.' },
})
const TOO_MANY_FROM_ADDRESS =
  'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 10\r\nConnection: close\r\n' +
  `Content-Length: ${Buffer.byteLength(tooManyConnectionsBody)}\r\n\r\n${tooManyConnectionsBody}`

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
export function collabUpgradeHandler(wss: WebSocketServer, collab: CollabServer, policy: AccessPolicy, options: UpgradeOptions) {
  const perAddress = new ConnectionCounter(collab.limits.maxConnectionsPerAddress)
  const perAccount = new ConnectionCounter(collab.limits.maxConnectionsPerAccount)
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?', 1)[0]!
    if (!path.startsWith(PATH_PREFIX)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    // Counted from the upgrade request on, before any credential is looked at: a flood from one address costs
    // the server nothing but this refusal. The count drops when the TCP socket closes, whatever happened.
    const address = upgradeAddress(request, options.trustProxy)
    if (!perAddress.tryAdd(address)) {
      socket.end(TOO_MANY_FROM_ADDRESS)
      return
    }
    socket.once('close', () => perAddress.remove(address))
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
      // An account's own connections, counted once it is known whose they are.
      const account = decision.allow ? decision.principal.userId : null
      if (account !== null && !perAccount.tryAdd(account)) {
        wss.handleUpgrade(request, socket, head, (ws) => ws.close(CloseCode.tooManyConnections, 'tooManyConnections'))
        return
      }
      if (account !== null) socket.once('close', () => perAccount.remove(account))
      wss.handleUpgrade(request, socket, head, (ws) => accept(collab, ws, docId, decision, options.traffic))
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

function accept(collab: CollabServer, ws: WebSocket, docId: string, decision: AccessDecision, traffic?: TrafficCounter): void {
  if (!decision.allow) {
    ws.close(CloseCode[decision.close], decision.close)
    return
  }
  namedFrameTooLarge(ws)
  const events = collab.connect(wsCollabSocket(ws, traffic), docId, decision.access, decision.principal, decision.role)
  // ws hands binary frames over as Buffers (Uint8Arrays): no copy on the way in.
  ws.on('message', (data: RawData, isBinary: boolean) => {
    traffic?.received(rawLength(data))
    events.onMessage(isBinary ? toUint8Array(data) : data.toString())
  })
  ws.on('close', () => events.onClose())
  ws.on('error', () => ws.terminate())
}

/**
 * ws refuses a frame over `maxPayload` as soon as its header declares the length (nothing of it is buffered), by
 * calling `close(1009)` on the socket. y-websocket would reconnect after 1009 and send the same edit again for
 * ever; our named 44xx code stops it and tells the person.
 */
function namedFrameTooLarge(ws: WebSocket): void {
  const close = ws.close.bind(ws)
  ws.close = (code?: number, reason?: string | Buffer) => (code === 1009 ? close(CloseCode.frameTooLarge, 'frameTooLarge') : close(code, reason))
}

const rawLength = (data: RawData): number => (Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength)

const toUint8Array = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data
