import { useEffect, useSyncExternalStore } from 'react'
import type { SaveState, SaveTracker } from '../collab/SaveTracker.js'

const labels: Record<SaveState['kind'], string> = {
  connecting: 'Connecting…',
  offline: 'Offline — your edits are kept on this device',
  unsaved: 'Unsaved changes',
  saved: 'All changes saved',
  refused: 'Not connected',
}


/** The save indicator, and the warning before closing a tab with unsaved edits. */
export function SaveStatus({ tracker }: { tracker: SaveTracker }) {
  const state = useSyncExternalStore(tracker.subscribe, tracker.getState)

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!tracker.hasUnsavedEdits) return
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [tracker])

  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live="polite" data-state={state.kind}>
      <span className="save-dot" aria-hidden="true" />
      {labels[state.kind]}
    </p>
  )
}
