import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.js'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import type { AccessDecision, AccessPolicy } from './access.js'
import type { CollabServer } from './CollabServer.js'
import { ConnectionCounter } from './ConnectionCounter.js'
import { wsCollabSocket } from './wsSocket.js'
import type { TrafficCounter } from '../ops/CollabMetrics.js'
import { closeCodeField } from '../ops/closeCodeField.js'

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
    void decide(collab, policy, docId, request).then((decision) => {
      socket.off('error', ignoreError)
      if (socket.destroyed) return
      // An account's own connections, counted once it is known whose they are.
      const account = decision.allow ? decision.principal.userId : null
      if (account !== null && !perAccount.tryAdd(account)) {
        wss.handleUpgrade(request, socket, head, (ws) => deny(collab, ws, docId, 'tooManyConnections'))
        return
      }
      if (account !== null) socket.once('close', () => perAccount.remove(account))
      wss.handleUpgrade(request, socket, head, (ws) => accept(collab, ws, docId, decision, options.traffic))
    })
  }
}

async function decide(collab: CollabServer, policy: AccessPolicy, docId: string, request: IncomingMessage): Promise<AccessDecision> {
  try {
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    return await policy.decide({ docId, headers })
  } catch (error) {
    collab.log('access check failed', error, { event: 'access.checkFailed', docId: loggableDocId(docId) })
    return { allow: false, close: 'storageUnavailable' }
  }
}

function accept(collab: CollabServer, ws: WebSocket, docId: string, decision: AccessDecision, traffic?: TrafficCounter): void {
  if (!decision.allow) return deny(collab, ws, docId, decision.close)
  namedFrameTooLarge(ws)
  const events = collab.connect(wsCollabSocket(ws, traffic), docId, decision.access, decision.principal, decision.role)
  // ws hands binary frames over as Buffers (Uint8Arrays): no copy on the way in.
  ws.on('message', (data: RawData, isBinary: boolean) => {
    traffic?.received(rawLength(data))
    events.onMessage(isBinary ? toUint8Array(data) : data.toString())
  })
  ws.on('close', (code: number) => events.onClose(code))
  ws.on('error', () => ws.terminate())
}

/** Closes a socket that never joined a room (no connection number), with one line saying why. */
function deny(collab: CollabServer, ws: WebSocket, docId: string, code: CloseCodeName): void {
  collab.log('connection denied', undefined, { level: 'info', event: 'connection.denied', docId: loggableDocId(docId), closeCode: closeCodeField(CloseCode[code]) })
  ws.close(CloseCode[code], code)
}

/** The document id from the path, which anyone may fill with anything: kept short in the log. */
const loggableDocId = (docId: string): string => (docId.length > 64 ? `${docId.slice(0, 64)}…` : docId)

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
