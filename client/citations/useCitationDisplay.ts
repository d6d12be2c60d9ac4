import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { observeSettings, readCitationDisplay, writeCitationDisplay, type CitationDisplay } from '../../shared/documentSettings.js'

/** The document's shared citation display, and the setter that changes it for everyone. */
export function useCitationDisplay(doc: Y.Doc): [CitationDisplay, (display: CitationDisplay) => void] {
  const display = useSyncExternalStore(
    useCallback((onChange: () => void) => observeSettings(doc, onChange), [doc]),
    () => readCitationDisplay(doc),
  )
  return [display, useCallback((next: CitationDisplay) => writeCitationDisplay(doc, next), [doc])]
}
