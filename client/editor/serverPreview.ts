import type { DocumentInfo } from '../../shared/apiTypes.js'
import type { CitationDisplay } from '../../shared/documentSettings.js'
import { StatementPreview } from '../../shared/statementPreview.js'

/** The statement the server rendered into the page, shown until the editor holds the synced document. */
export interface ServerPreview {
  docId: string
  /** The `.statement` element the server rendered (read-only). */
  element: HTMLElement
  display: CitationDisplay
  /** The document's details, as the server knew them when it sent the page. */
  info: DocumentInfo | null
}

let preview: ServerPreview | null = null

function readInfo(): DocumentInfo | null {
  const script = document.getElementById(StatementPreview.infoId)
  if (!script?.textContent) return null
  try {
    return JSON.parse(script.textContent) as DocumentInfo
  } catch {
    return null
  }
}

/**
 * Takes note of the server-rendered statement, if the page has one. Called once, before React renders: the
 * element stays where it is until React's first commit replaces the page around it and the editor page puts
 * it back in its place, in the same frame, so the text never disappears.
 */
export function adoptServerPreview(): void {
  const element = document.getElementById(StatementPreview.elementId)
  if (!element?.dataset.docId) return
  preview = {
    docId: element.dataset.docId,
    element,
    display: element.dataset.citationDisplay === 'notes' ? 'notes' : 'labels',
    info: readInfo(),
  }
}

/** The preview of this document, until the editor has taken over from it. */
export function serverPreviewOf(docId: string): ServerPreview | null {
  return preview?.docId === docId ? preview : null
}

/** The editor shows the statement now: the preview is not shown again (not even when coming back to it). */
export function releaseServerPreview(): void {
  preview?.element.remove()
  preview = null
}
