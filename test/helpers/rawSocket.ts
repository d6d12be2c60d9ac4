import { onTestFinished } from 'vitest'
import { WebSocket, type ClientOptions, type RawData } from 'ws'
import { authHeaders, resolveAuth, type AuthOption } from './testAuth.js'

export interface RawSocket {
  ws: WebSocket
  /** Resolves when the socket is open (rejects if it fails to open). */
  opened: Promise<void>
  /** Resolves with the close code and reason once the socket has closed, whoever closed it. */
  closed: Promise<{ code: number; reason: string }>
  /** Binary frames received so far. */
  received: Uint8Array[]
  /** Resolves with the next binary frame to arrive (whose first byte is `type`, when given). */
  nextMessage(type?: number): Promise<Uint8Array>
}

/**
 * A bare `ws` socket to `/collab/<docId>`, for sending what no well-behaved client would. It carries the
 * server's default test user's cookie and Origin unless `auth` says otherwise (`null`: no credentials); headers
 * in `options` win.
 */
export function openRawSocket(wsUrl: string, docId: string, options: ClientOptions & { auth?: AuthOption } = {}): RawSocket {
  const { auth, ...wsOptions } = options
  const headers = { ...authHeaders(resolveAuth(wsUrl, auth)), ...wsOptions.headers }
  const ws = new WebSocket(`${wsUrl}/${docId}`, { ...wsOptions, headers })
  const received: Uint8Array[] = []
  // Errors also surface as a close or a rejected `opened`; without a listener ws would throw them.
  ws.on('error', () => {})
  ws.on('message', (data: RawData, isBinary) => {
    if (isBinary) received.push(new Uint8Array(data as Buffer))
  })
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  // An unobserved rejection (a socket we never awaited) must not fail the run.
  opened.catch(() => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  onTestFinished(() => ws.terminate())
  const nextMessage = (type?: number) =>
    new Promise<Uint8Array>((resolve) => {
      const onMessage = (data: RawData, isBinary: boolean) => {
        const bytes = new Uint8Array(data as Buffer)
        if (!isBinary || (type !== undefined && bytes[0] !== type)) return
        ws.off('message', onMessage)
        resolve(bytes)
      }
      ws.on('message', onMessage)
    })
  return { ws, opened, closed, received, nextMessage }
}
