import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { COLLAB_PATH } from '../../shared/collabProtocol.js'
import { SourcesStore } from '../sources/SourcesStore.js'
import { batchIncomingPerFrame } from './batchIncoming.js'
import { DocumentAccess } from './DocumentAccess.js'
import { hasLocalCopy, rememberLocalCopy } from './localCopies.js'
import { sendOwnAwarenessOnly } from './ownAwarenessOnly.js'
import { SaveTracker } from './SaveTracker.js'

export interface CollabSession {
  doc: Y.Doc
  provider: WebsocketProvider
  saveTracker: SaveTracker
  sources: SourcesStore
  access: DocumentAccess
}

function collabUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${window.location.host}${COLLAB_PATH}`
}

/**
 * One document's live session: a Y.Doc kept in IndexedDB (so offline edits survive a reload) and synced
 * with the server once the local copy is loaded and the person's access is known. Created in an effect, not a memo, so React's StrictMode
 * double mount gets a fresh, working session.
 */
export function useCollabSession(docId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`caucus:${docId}`, doc)
    // No BroadcastChannel: every tab talks to the server, so "saved" always means saved on the server.
    const provider = new WebsocketProvider(collabUrl(), docId, doc, { connect: false, disableBc: true })
    const unbatch = batchIncomingPerFrame(provider)
    const unfilter = sendOwnAwarenessOnly(provider)
    const saveTracker = new SaveTracker(doc, provider)
    const sources = new SourcesStore(doc)
    const access = new DocumentAccess(provider)
    let cancelled = false
    let started = false
    // Only once the person's role is known: a viewer's client must not answer the server with content.
    // Only once at all: y-websocket reconnects by itself after a drop and stops after a 44xx close (removed,
    // signed out); a second `connect()` from a later trigger (the fallback timer, IndexedDB loading late)
    // would open a socket again behind the "no access" page.
    const connect = () => {
      void access.whenKnown().then(() => {
        if (cancelled || started) return
        started = true
        clearTimeout(fallback)
        provider.connect()
      })
    }
    // With a local copy, connect once it is loaded, so the server sends only what it lacks (or after a moment
    // if IndexedDB is unavailable). On a first visit there is nothing to wait for: connect at once, while the
    // editor is being built.
    if (!hasLocalCopy(docId)) connect()
    local.whenSynced.then(
      () => {
        rememberLocalCopy(docId)
        connect()
      },
      connect,
    )
    const fallback = setTimeout(connect, 1500)
    setSession({ doc, provider, saveTracker, sources, access })
    return () => {
      cancelled = true
      clearTimeout(fallback)
      saveTracker.destroy()
      sources.destroy()
      access.destroy()
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
