import type { WebsocketProvider } from 'y-websocket'

/** An unchanged state is still re-sent this often, so the server and the others keep us as present. */
const RENEW_MS = 10_000

interface Changes {
  added: number[]
  updated: number[]
  removed: number[]
}

type AwarenessHandler = (changes: Changes, origin: unknown) => void

/**
 * Sends only our own presence, and only when it changed. A stock WebsocketProvider re-sends every awareness
 * change it receives (the server already relayed those to everyone), and the caret plugin re-publishes our
 * unchanged caret after every remote edit: with 20 people typing the page would send hundreds of redundant
 * awareness messages a second, each relayed to everyone. Our periodic renewal still goes out (every 10 s at
 * least). Returns the undo.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const awareness = provider.awareness
  const original = (provider as unknown as { _awarenessUpdateHandler: AwarenessHandler })._awarenessUpdateHandler
  let lastSent = ''
  let lastSentAt = 0
  const filtered: AwarenessHandler = ({ added, updated, removed }, origin) => {
    const self = awareness.clientID
    const own = (ids: number[]) => ids.filter((id) => id === self)
    const changes = { added: own(added), updated: own(updated), removed: own(removed) }
    if (changes.added.length + changes.updated.length + changes.removed.length === 0) return
    const state = JSON.stringify(awareness.getLocalState())
    const now = Date.now()
    if (changes.removed.length === 0 && state === lastSent && now - lastSentAt < RENEW_MS) return
    lastSent = state
    lastSentAt = now
    original(changes, origin)
  }
  awareness.off('update', original)
  awareness.on('update', filtered)
  // A new connection must hear our state even if it did not change.
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') lastSent = ''
  }
  provider.on('status', onStatus)
  return () => {
    awareness.off('update', filtered)
    awareness.on('update', original)
    provider.off('status', onStatus)
  }
}
