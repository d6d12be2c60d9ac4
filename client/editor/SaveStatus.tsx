import { useEffect, useSyncExternalStore } from 'react'
import type { SaveState, SaveTracker } from '../collab/SaveTracker.js'

const labels: Record<SaveState['kind'], string> = {
  connecting: 'Connecting…',
  offline: 'Offline',
  unsaved: 'Saving…',
  saved: 'All changes saved',
  refused: 'Not connected',
}

function describe(state: SaveState): string {
  if (state.kind === 'offline') return state.unsaved ? 'Offline · unsaved changes are kept on this device' : 'Offline'
  if (state.kind === 'unsaved') return 'Unsaved changes'
  return labels[state.kind]
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
      {describe(state)}
    </p>
  )
}
