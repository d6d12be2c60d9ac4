import { useEffect, useState } from 'react'
import { YLayout } from '../../shared/yLayout.js'
import type { CollabSession } from './useCollabSession.js'

/** How long the page waits for the server before it shows this device's own copy instead. */
const OFFLINE_GRACE_MS = 4000

/**
 * True once the session's document is worth showing in place of the server-rendered statement: it has synced
 * with the server; or the server refused the connection (the page says why); or the server has not answered
 * for a few seconds and this device holds a copy of the text (offline work stays reachable).
 */
export function useFirstSync(session: CollabSession | null): boolean {
  const [synced, setSynced] = useState(false)

  useEffect(() => {
    if (!session) return
    const { provider, doc, saveTracker } = session
    let graceOver = false
    const check = () => {
      const refused = saveTracker.getState().kind === 'refused'
      const hasOwnCopy = graceOver && doc.getXmlFragment(YLayout.richTextFragment).length > 0
      if (provider.synced || refused || hasOwnCopy) {
        setSynced(true)
        stop()
      }
    }
    const unsubscribe = saveTracker.subscribe(check)
    const timer = setTimeout(() => {
      graceOver = true
      check()
    }, OFFLINE_GRACE_MS)
    const stop = () => {
      provider.off('sync', check)
      doc.off('update', check)
      unsubscribe()
      clearTimeout(timer)
    }
    provider.on('sync', check)
    doc.on('update', check)
    check()
    return stop
  }, [session])

  return synced
}
