import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.js'
import type { ClientProtocol } from '../targets/index.js'

/** What a worker needs to know about a target to connect to it. */
export interface TargetRef {
  name: string
  protocol: ClientProtocol
  readyOn: 'synced' | 'connected'
  wsBase: string
  /** The server's processes (two for caucus-2p): their CPU and memory are summed. */
  serverPids: number[]
  /** Sent with every websocket upgrade (Caucus: the bench account's cookie and Origin). */
  headers: Record<string, string>
}

/** One stock client (y-websocket's WebsocketProvider, or Hocuspocus's own provider) and its document. */
export interface BenchClient {
  doc: Y.Doc
  /** True once the client has joined the way its target allows (see TargetSpec.readyOn). */
  isReady(): boolean
  /** Registers a callback for each time the provider reports a completed sync. */
  onSynced(callback: () => void): void
  /** The y-websocket provider, when the target speaks y-websocket (for Caucus's "saved" acks). */
  websocketProvider: WebsocketProvider | null
  destroy(): void
}

// ws's WebSocket is what y-websocket's own tests use in Node; its type differs only in DOM extras.
const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket

/** ws's WebSocket sending fixed headers with its upgrade, as a browser sends its cookie and Origin. */
function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  if (Object.keys(headers).length === 0) return WebSocketPolyfill
  class WebSocketWithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
  return WebSocketWithHeaders as unknown as typeof globalThis.WebSocket
}

export interface ConnectOptions {
  /**
   * On the floor, answer peers' sync step 1 as a stock client does (see ignorePeerSyncStep1). Needed by a client
   * that brings a document for others to fetch.
   */
  answerPeers?: boolean
}

/** Connects one client to `room`; `doc` is what the client brings (an empty document by default). */
export function connectClient(target: TargetRef, room: string, doc: Y.Doc = new Y.Doc(), options: ConnectOptions = {}): BenchClient {
  if (target.protocol === 'hocuspocus') {
    // One socket per client, as separate browsers would have (Hocuspocus can also multiplex documents on one).
    const socket = new HocuspocusProviderWebsocket({ url: target.wsBase, WebSocketPolyfill })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc })
    provider.attach()
    return {
      doc,
      isReady: () => provider.isSynced,
      onSynced: (callback) => provider.on('synced', ({ state }: { state: boolean }) => state && callback()),
      websocketProvider: null,
      destroy: () => {
        provider.destroy()
        socket.destroy()
      },
    }
  }
  const provider = new WebsocketProvider(target.wsBase, room, doc, { WebSocketPolyfill: webSocketWithHeaders(target.headers), disableBc: true })
  if (target.readyOn === 'connected') {
    if (!options.answerPeers) ignorePeerSyncStep1(provider)
    forwardOnlyOwnAwareness(provider)
  }
  return {
    doc,
    isReady: () => (target.readyOn === 'connected' ? provider.wsconnected : provider.synced),
    onSynced: (callback) => provider.on('sync', (synced: boolean) => synced && callback()),
    websocketProvider: provider,
    destroy: () => provider.destroy(),
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * On the floor every peer answers every newcomer's sync step 1, and every answer is relayed to everyone: joining
 * n clients costs O(n³) frames (200 clients never finish joining). Floor clients therefore leave peers' sync
 * step 1 unanswered. That changes only the join; the relaying of updates that the scenarios measure is the same.
 */
function ignorePeerSyncStep1(provider: WebsocketProvider): void {
  const stock = provider.messageHandlers[MessageType.sync]!
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
    if (decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return stock(encoder, decoder, ...rest)
    decoding.readVarUint(decoder)
    decoding.readVarUint8Array(decoder)
    // Nothing written to the encoder: y-websocket sends no reply.
  }
}

/**
 * y-websocket's provider re-sends every awareness change it applies, remote ones included. A server absorbs the
 * echo (the state is not newer, so nothing is broadcast); a relay forwards it to everyone, who echo it again:
 * each presence renewal costs n² frames, and 200 clients drown the floor in them. Floor clients send only changes
 * that did not come from the socket.
 */
function forwardOnlyOwnAwareness(provider: WebsocketProvider): void {
  const stock = provider._awarenessUpdateHandler
  provider.awareness.off('update', stock)
  // Replaced on the provider too, so that destroy() unregisters this one.
  provider._awarenessUpdateHandler = (change, origin) => {
    if (origin !== provider) stock(change, origin)
  }
  provider.awareness.on('update', provider._awarenessUpdateHandler)
}

/** Polls `condition` every `intervalMs` until it holds or `timeoutMs` passes; resolves to whether it held. */
export async function pollUntil(condition: () => boolean, timeoutMs: number, intervalMs = 5): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) return false
    await sleep(intervalMs)
  }
  return true
}

/**
 * Connects `count` clients to rooms chosen by `roomOf(i)`, with at most `concurrency` joining at once (a burst of
 * a thousand SYNs overflows the listen backlog and measures TCP retries instead of the server).
 */
export async function connectMany(
  target: TargetRef,
  count: number,
  roomOf: (index: number) => string,
  options: { concurrency: number; timeoutMs: number },
): Promise<BenchClient[]> {
  const clients: BenchClient[] = []
  const deadline = performance.now() + options.timeoutMs
  for (let i = 0; i < count; i++) {
    const ok = await pollUntil(() => clients.filter((c) => !c.isReady()).length < options.concurrency, deadline - performance.now(), 1)
    if (!ok) throw new Error(`${target.name}: only ${clients.filter((c) => c.isReady()).length} of ${count} clients joined in time`)
    clients.push(connectClient(target, roomOf(i)))
  }
  const allReady = await pollUntil(() => clients.every((c) => c.isReady()), deadline - performance.now(), 2)
  if (!allReady) throw new Error(`${target.name}: only ${clients.filter((c) => c.isReady()).length} of ${count} clients joined in time`)
  return clients
}
