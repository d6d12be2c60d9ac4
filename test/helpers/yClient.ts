import { onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { subscribeSavedAcks, type SavedAcks } from './savedAcks.js'
import { authHeaders, resolveAuth, type AuthOption } from './testAuth.js'
import { waitFor } from './waitFor.js'

export interface ClientOptions {
  /** Connect with an existing document (its state is what the client brings to the server). */
  doc?: Y.Doc
  /** Subscribe to the server's "saved" acks. */
  savedAcks?: boolean
  /** Cap on the reconnect backoff; y-websocket's default is 2500 ms. */
  maxBackoffTime?: number
  /** Whose credentials to connect with: the server's default test user unless given (`null`: none). */
  auth?: AuthOption
  /** More headers on the upgrade request (a script's `authorization: Bearer …`, with `auth: null`). */
  headers?: Record<string, string>
}

/** ws's WebSocket with fixed extra headers (a browser's cookie and Origin), for a stock WebsocketProvider. */
function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class WebSocketWithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
  // ws's WebSocket is what y-websocket's own tests use in Node; its type differs only in DOM extras.
  return WebSocketWithHeaders as unknown as typeof globalThis.WebSocket
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: Awareness
  /** Present when `savedAcks` was asked for. */
  saved: SavedAcks | null
  /** Disconnects for good; safe to call twice. Also called when the test finishes. */
  destroy(): void
}

/** A stock y-websocket client over `ws`, exactly as a browser would connect (minus BroadcastChannel). */
export function connectClient(wsUrl: string, docId: string, options: ClientOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, docId, doc, {
    WebSocketPolyfill: webSocketWithHeaders({ ...authHeaders(resolveAuth(wsUrl, options.auth)), ...options.headers }),
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime,
  })
  const saved = options.savedAcks ? subscribeSavedAcks(provider) : null
  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    provider.destroy()
    if (!options.doc) doc.destroy()
  }
  onTestFinished(destroy)
  return { doc, provider, awareness: provider.awareness, saved, destroy }
}

/** Resolves once the provider has exchanged sync steps with the server. */
export async function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => provider.synced, { timeoutMs, message: `provider for ${provider.roomname} to sync` })
}
