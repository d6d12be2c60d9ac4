import type * as Y from 'yjs'
import { YLayout } from './yLayout.js'

/** How citations appear in the editor: compact labels, or note numbers in reading order. */
export type CitationDisplay = 'labels' | 'notes'

export const CITATION_DISPLAYS: readonly CitationDisplay[] = ['labels', 'notes']

const CITATION_DISPLAY_KEY = 'citationDisplay'

/** The document's citation display (labels when unset or unreadable). */
export function readCitationDisplay(doc: Y.Doc): CitationDisplay {
  const value = doc.getMap(YLayout.settings).get(CITATION_DISPLAY_KEY)
  return value === 'notes' ? 'notes' : 'labels'
}

/** Changes the citation display for everyone editing the document. */
export function writeCitationDisplay(doc: Y.Doc, display: CitationDisplay): void {
  doc.getMap(YLayout.settings).set(CITATION_DISPLAY_KEY, display)
}

/** Calls back when the settings change; returns the function that stops it. */
export function observeSettings(doc: Y.Doc, callback: () => void): () => void {
  const settings = doc.getMap(YLayout.settings)
  settings.observe(callback)
  return () => settings.unobserve(callback)
}
