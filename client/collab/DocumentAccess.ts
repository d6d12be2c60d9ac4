import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import { readAccessMessage, type ConnectionAccess } from '../../shared/accessNotice.js'
import type { DocumentRole } from '../../shared/apiTypes.js'
import { CloseCode } from '../../shared/closeCodes.js'
import { MessageType } from '../../shared/collabProtocol.js'

export interface AccessState {
  /** What this person may do, once known (from the document's details, then from the server's notices). */
  access: ConnectionAccess | null
  /** The person's role on the document, once known (an owner may share it). */
  role: DocumentRole | null
  /** The server closed the connection because this person may not open the document (or is signed out). */
  refused: 'unauthorized' | 'noAccess' | null
}

/**
 * Whether this person may write the document, kept current while it is open. The server tells a client that
 * subscribes (Caucus message 101) its access at once and again whenever the person's role changes, so a viewer
 * promoted to editor can write without reloading. While read-only, the client sends no document content at
 * all: no edits, and no reply to the server's sync step 1 (y-websocket would answer with its whole state,
 * which the server refuses from a viewer).
 */
export class DocumentAccess {
  private state: AccessState = { access: null, role: null, refused: null }
  private readonly listeners = new Set<() => void>()
  private readonly known: Promise<void>
  private resolveKnown!: () => void
  private readonly restore: () => void

  constructor(private readonly provider: WebsocketProvider) {
    this.known = new Promise((resolve) => (this.resolveKnown = resolve))
    const syncHandler = provider.messageHandlers[MessageType.sync]!
    provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
      if (this.state.access !== 'write' && decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep1) {
        decoding.readVarUint(decoder)
        decoding.readVarUint8Array(decoder)
        return // Nothing written to the encoder: y-websocket sends no reply.
      }
      syncHandler(encoder, decoder, ...rest)
    }
    provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      const notice = readAccessMessage(decoder)
      if (notice) this.update(notice.role ? notice : { access: notice.access })
    }
    // Local edits go out only while this person may write (the editor is read-only otherwise anyway).
    const sendUpdate = provider._updateHandler
    const guardedSend = (update: Uint8Array, origin: unknown) => {
      if (this.state.access === 'write') sendUpdate(update, origin)
    }
    provider.doc.off('update', sendUpdate)
    provider.doc.on('update', guardedSend)
    provider.on('status', this.onStatus)
    provider.on('connection-close', this.onClose)
    this.restore = () => {
      provider.messageHandlers[MessageType.sync] = syncHandler
      delete provider.messageHandlers[MessageType.access]
      provider.doc.off('update', guardedSend)
      provider.off('status', this.onStatus)
      provider.off('connection-close', this.onClose)
    }
  }

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') this.provider.ws?.send(Uint8Array.of(MessageType.access))
  }

  private readonly onClose = (event: CloseEvent | null) => {
    if (event?.code === CloseCode.unauthorized) this.update({ refused: 'unauthorized' })
    if (event?.code === CloseCode.documentNotFound || event?.code === CloseCode.forbidden) this.update({ refused: 'noAccess' })
  }

  /** The person's role as the documents API gave it; the connection waits for this. */
  setRole(role: DocumentRole): void {
    this.update({ access: role === 'viewer' ? 'read' : 'write', role })
  }

  /** Resolves once the access is known (the session connects only then). */
  whenKnown(): Promise<void> {
    return this.known
  }

  private update(change: Partial<AccessState>): void {
    const next = { ...this.state, ...change }
    if (next.access !== null) this.resolveKnown()
    if (next.access === this.state.access && next.role === this.state.role && next.refused === this.state.refused) return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  getState = (): AccessState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.restore()
    this.listeners.clear()
  }
}
