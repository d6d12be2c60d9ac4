import type { NoteText } from '../../shared/sources/notes.js'

/**
 * A note's styled runs as DOM nodes: italic runs in <i>, everything else as plain text. Only text nodes are
 * made from the source's fields, never markup, so nothing typed in a source can inject HTML.
 */
export function noteRunsToNodes(note: NoteText): Node[] {
  return note.map((run) => {
    if (run.style !== 'italic') return document.createTextNode(run.text)
    const italic = document.createElement('i')
    italic.textContent = run.text
    return italic
  })
}
