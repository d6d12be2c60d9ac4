import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { describeClose, isPermanentClose } from '../../shared/closeCodes.js'
import { subscribeSavedAcks } from '../../shared/savedState.js'

export type SaveState =
  | { kind: 'connecting' }
  | { kind: 'offline' }
  | { kind: 'unsaved' }
  | { kind: 'saved' }
  | { kind: 'refused'; message: string }

/** Past this many unacknowledged local updates, they are merged into one (keeps checks cheap offline). */
const MAX_PENDING_UPDATES = 64
/**
 * How long an edit may wait for its acknowledgement before the status says "Unsaved changes". A healthy
 * server acknowledges within milliseconds: switching to "Unsaved" and back for every keystroke would flicker,
 * be read out by screen readers each time, and redraw the page while the person types.
 */
export const SHOW_UNSAVED_AFTER_MS = 500

/** Whether this device says it has a network at all, and when that changes. */
export interface NetworkStatus {
  online(): boolean
  subscribe(onChange: () => void): () => void
}

/**
 * The browser's word on the network. A websocket is not closed when the network goes (y-websocket notices
 * only after 30 s of silence), so without this a cut-off person would read "Unsaved changes" and not why.
 */
export function browserNetwork(): NetworkStatus {
  if (typeof window === 'undefined') return { online: () => true, subscribe: () => () => {} }
  return {
    online: () => navigator.onLine,
    subscribe: (onChange) => {
      window.addEventListener('online', onChange)
      window.addEventListener('offline', onChange)
      return () => {
        window.removeEventListener('online', onChange)
        window.removeEventListener('offline', onChange)
      }
    },
  }
}

/**
 * Tells the person whether their work is safe, from the server's own word. Every local edit (typed here,
 * or restored from this device's offline copy) is kept until a "saved" acknowledgement (Caucus message type
 * 100: a snapshot of what storage durably holds, inserts and deletions) covers it. Checking only our own
 * pending edits keeps the cost independent of the document's size, and others' typing never makes our
 * status flicker.
 */
export class SaveTracker {
  private pendingLocalUpdates: Uint8Array[] = []
  private everConnected = false
  private refusal: string | null = null
  private lastCloseMessage: string | null = null
  private readonly listeners = new Set<() => void>()
  private readonly unsubscribeAcks: () => void
  private readonly unsubscribeNetwork: () => void
  private state: SaveState = { kind: 'connecting' }
  private showUnsavedTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly network: NetworkStatus = browserNetwork(),
  ) {
    this.unsubscribeAcks = subscribeSavedAcks(provider, (saved) => {
      this.pendingLocalUpdates = this.pendingLocalUpdates.filter((update) => !Y.snapshotContainsUpdate(saved, update))
      this.recompute()
    })
    this.unsubscribeNetwork = network.subscribe(this.recompute)
    provider.on('status', this.onStatus)
    provider.on('sync', this.recompute)
    provider.on('connection-close', this.onClose)
    doc.on('update', this.onUpdate)
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    // Updates that came from the server are someone else's and already there.
    if (origin === this.provider) return
    this.pendingLocalUpdates.push(update)
    if (this.pendingLocalUpdates.length > MAX_PENDING_UPDATES) {
      this.pendingLocalUpdates = [Y.mergeUpdates(this.pendingLocalUpdates)]
    }
    this.recompute()
  }

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') {
      this.everConnected = true
      this.refusal = null
      this.lastCloseMessage = null
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

  /** True while some edit made on this device is not yet durably stored on the server. */
  get hasUnsavedEdits(): boolean {
    return this.pendingLocalUpdates.length > 0
  }

  private readonly recompute = () => {
    const next = this.derive()
    if (next.kind !== 'unsaved') this.cancelShowUnsaved()
    else if (this.state.kind === 'saved') {
      // Saved → unsaved is shown only if the edit is still waiting a moment later (the page's close warning,
      // `hasUnsavedEdits`, knows at once).
      this.showUnsavedTimer ??= setTimeout(() => {
        this.showUnsavedTimer = null
        this.show(this.derive())
      }, SHOW_UNSAVED_AFTER_MS)
      return
    }
    this.show(next)
  }

  private show(next: SaveState): void {
    if (JSON.stringify(next) === JSON.stringify(this.state)) return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  private cancelShowUnsaved(): void {
    if (this.showUnsavedTimer !== null) clearTimeout(this.showUnsavedTimer)
    this.showUnsavedTimer = null
  }

  private derive(): SaveState {
    if (this.refusal) return { kind: 'refused', message: this.refusal }
    if (!this.network.online()) return { kind: 'offline' }
    if (!this.provider.wsconnected) return this.everConnected ? { kind: 'offline' } : { kind: 'connecting' }
    if (!this.provider.synced) return { kind: 'connecting' }
    return this.hasUnsavedEdits ? { kind: 'unsaved' } : { kind: 'saved' }
  }

  getState = (): SaveState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.cancelShowUnsaved()
    this.unsubscribeAcks()
    this.unsubscribeNetwork()
    this.provider.off('status', this.onStatus)
    this.provider.off('sync', this.recompute)
    this.provider.off('connection-close', this.onClose)
    this.doc.off('update', this.onUpdate)
    this.listeners.clear()
  }
}
