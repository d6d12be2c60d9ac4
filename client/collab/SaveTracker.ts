import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { describeClose, isPermanentClose } from '../../shared/closeCodes.js'
import { MessageType } from '../../shared/collabProtocol.js'

export type SaveState =
  | { kind: 'connecting' }
  | { kind: 'offline'; unsaved: boolean }
  | { kind: 'unsaved' }
  | { kind: 'saved' }
  | { kind: 'refused'; message: string }

/** True when every edit in `local` is covered by `saved` (both Yjs state vectors). */
export function isCoveredBy(local: Map<number, number>, saved: Map<number, number>): boolean {
  for (const [client, clock] of local) {
    if ((saved.get(client) ?? 0) < clock) return false
  }
  return true
}

/**
 * Tells the person whether their work is safe, from the server's own word: the server sends the state
 * vector it has durably stored (Caucus message type 100), and we compare it with the local document.
 */
export class SaveTracker {
  private savedStateVector = new Map<number, number>()
  private everConnected = false
  private refusal: string | null = null
  private lastCloseMessage: string | null = null
  private listeners = new Set<() => void>()
  private state: SaveState = { kind: 'connecting' }

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      this.savedStateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
      this.recompute()
    }
    provider.on('status', this.onStatus)
    provider.on('sync', this.recompute)
    provider.on('connection-close', this.onClose)
    doc.on('update', this.recompute)
  }

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') {
      this.everConnected = true
      this.refusal = null
      this.lastCloseMessage = null
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.saved)
      this.provider.ws?.send(encoding.toUint8Array(encoder))
    }
    this.recompute()
  }

  private readonly onClose = (event: CloseEvent | null) => {
    if (event && event.code !== 1000 && event.code !== 1005) {
      this.lastCloseMessage = describeClose(event.code)
      if (isPermanentClose(event.code)) this.refusal = this.lastCloseMessage
    }
    this.recompute()
  }

  /** Why the server last dropped us, in words (null when the connection is fine). */
  get closeMessage(): string | null {
    return this.lastCloseMessage
  }

  get hasUnsavedEdits(): boolean {
    return !isCoveredBy(Y.decodeStateVector(Y.encodeStateVector(this.doc)), this.savedStateVector)
  }

  private readonly recompute = () => {
    const next = this.derive()
    if (JSON.stringify(next) === JSON.stringify(this.state)) return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  private derive(): SaveState {
    if (this.refusal) return { kind: 'refused', message: this.refusal }
    if (!this.provider.wsconnected) {
      return this.everConnected ? { kind: 'offline', unsaved: this.hasUnsavedEdits } : { kind: 'connecting' }
    }
    if (!this.provider.synced) return { kind: 'connecting' }
    return this.hasUnsavedEdits ? { kind: 'unsaved' } : { kind: 'saved' }
  }

  getState = (): SaveState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.provider.off('status', this.onStatus)
    this.provider.off('sync', this.recompute)
    this.provider.off('connection-close', this.onClose)
    this.doc.off('update', this.recompute)
    this.listeners.clear()
  }
}
