import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
/** When no frame comes (a hidden tab), the queue is applied after this long anyway. */
const FALLBACK_MS = 100

type Handler = WebsocketProvider['messageHandlers'][number]

/** Several awareness updates as one: per client, the state with the highest clock (the last one on a tie). */
function mergeAwarenessUpdates(updates: Uint8Array[]): Uint8Array {
  const latest = new Map<number, { clock: number; state: string }>()
  for (const update of updates) {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarString(decoder)
      const previous = latest.get(clientId)
      if (!previous || clock >= previous.clock) latest.set(clientId, { clock, state })
    }
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, latest.size)
  for (const [clientId, { clock, state }] of latest) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Applies what collaborators send at most twice per animation frame instead of once per message. Each Yjs
 * transaction the editor did not make costs a ProseMirror transaction over the whole document, and the caret
 * plugin redraws every caret for every awareness change: with 20 people typing that is hundreds of redraws a
 * second. Here the first message after a frame is applied at once (so it is drawn in the next frame, not one
 * later); what arrives after it, until the next frame, waits and is applied just before that frame is drawn:
 * all document updates in one transaction, then all awareness updates merged into one. So the cost is per
 * frame, not per keystroke, and nothing waits longer than the next frame. Sync steps and every other message
 * go through untouched (after the queue, so the order of document changes is kept). Returns the undo.
 */
export function batchIncomingPerFrame(provider: WebsocketProvider): () => void {
  const doc = provider.doc
  const originalSync = provider.messageHandlers[MESSAGE_SYNC] as Handler
  const originalAwareness = provider.messageHandlers[MESSAGE_AWARENESS] as Handler
  let updates: Uint8Array[] = []
  let awareness: Uint8Array[] = []
  let frame: number | null = null
  let fallback: ReturnType<typeof setTimeout> | null = null
  /** Something was applied since the last frame began: what comes now waits for the next one. */
  let appliedSinceFrame = false

  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame)
    if (fallback !== null) clearTimeout(fallback)
    frame = fallback = null
    const pendingUpdates = updates
    const pendingAwareness = awareness
    updates = []
    awareness = []
    if (pendingUpdates.length > 0) {
      // Origin: the provider, exactly as y-websocket applies them (so nothing is echoed back or counted as ours).
      doc.transact(() => {
        for (const update of pendingUpdates) {
          try {
            Y.applyUpdate(doc, update, provider)
          } catch (error) {
            // As y-protocols does for a bad update: report it and carry on with the others.
            console.error('Caucus: a collaborator update could not be applied', error)
          }
        }
      }, provider)
    }
    if (pendingAwareness.length > 0) awarenessProtocol.applyAwarenessUpdate(provider.awareness, mergeAwarenessUpdates(pendingAwareness), provider)
    if (!appliedSinceFrame && (pendingUpdates.length > 0 || pendingAwareness.length > 0)) {
      appliedSinceFrame = true
      requestAnimationFrame(() => (appliedSinceFrame = false))
    }
  }
  const schedule = () => {
    if (frame !== null) return
    if (!appliedSinceFrame) return flush()
    frame = requestAnimationFrame(flush)
    fallback = setTimeout(flush, FALLBACK_MS)
  }

  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    if (decoding.peekVarUint(decoder) === syncProtocol.messageYjsUpdate) {
      decoding.readVarUint(decoder)
      updates.push(decoding.readVarUint8Array(decoder))
      schedule()
      // Nothing written to the encoder: y-websocket sends no reply, as for a stock update.
      return
    }
    flush()
    originalSync(encoder, decoder, ...rest)
  }
  provider.messageHandlers[MESSAGE_AWARENESS] = (_encoder, decoder) => {
    awareness.push(decoding.readVarUint8Array(decoder))
    schedule()
  }
  // On disconnect y-websocket drops everyone's presence: queued presence must not bring it back.
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'disconnected') awareness = []
  }
  provider.on('status', onStatus)

  return () => {
    flush()
    provider.off('status', onStatus)
    provider.messageHandlers[MESSAGE_SYNC] = originalSync
    provider.messageHandlers[MESSAGE_AWARENESS] = originalAwareness
  }
}
