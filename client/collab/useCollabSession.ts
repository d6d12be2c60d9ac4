import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import { SourcesStore } from '../sources/SourcesStore.js'
import { batchIncomingPerFrame } from './batchIncoming.js'
import { sendOwnAwarenessOnly } from './ownAwarenessOnly.js'
import { SaveTracker } from './SaveTracker.js'

export interface CollabSession {
  doc: Y.Doc
  provider: WebsocketProvider
  saveTracker: SaveTracker
  sources: SourcesStore
}

function collabUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${window.location.host}${COLLAB_PATH}`
}

/** Whether this browser holds an IndexedDB database of that name (true when it cannot tell). */
function hasDatabase(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return Promise.resolve(true)
  return indexedDB.databases().then(
    (databases) => databases.some((database) => database.name === name),
    () => true,
  )
}

/**
 * One document's live session: a Y.Doc kept in IndexedDB (so offline edits survive a reload) and synced
 * with the server once the local copy is loaded. Created in an effect, not a memo, so React's StrictMode
 * double mount gets a fresh, working session.
 */
export function useCollabSession(docId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const localName = `caucus:${docId}`
    // Asked before the local copy is opened (which creates it): is there one at all on this device?
    const hadLocalCopy = hasDatabase(localName)
    const local = new IndexeddbPersistence(localName, doc)
    // No BroadcastChannel: every tab talks to the server, so "saved" always means saved on the server.
    const provider = new WebsocketProvider(collabUrl(), docId, doc, { connect: false, disableBc: true })
    const unbatch = batchIncomingPerFrame(provider)
    const unfilter = sendOwnAwarenessOnly(provider)
    const saveTracker = new SaveTracker(doc, provider)
    const sources = new SourcesStore(doc)
    let cancelled = false
    const connect = () => {
      if (!cancelled) provider.connect()
    }
    // Connect once the local copy is loaded, so the server sends only what it lacks (or after a moment if
    // IndexedDB is unavailable). On a first visit there is nothing to wait for: connect at once.
    void hadLocalCopy.then((had) => had || connect())
    local.whenSynced.then(connect, connect)
    const fallback = setTimeout(connect, 1500)
    setSession({ doc, provider, saveTracker, sources })
    return () => {
      cancelled = true
      clearTimeout(fallback)
      saveTracker.destroy()
      sources.destroy()
      unbatch()
      unfilter()
      provider.destroy()
      void local.destroy()
      doc.destroy()
      setSession(null)
    }
  }, [docId])

  return session
}
