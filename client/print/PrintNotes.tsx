import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { cleanLocator } from '../../shared/citationNode.js'
import { isSafeLinkUrl } from '../../shared/safeUrl.js'
import type { NoteText } from '../../shared/sources/notes.js'
import { NoteSequence } from '../../shared/sources/noteSequence.js'
import type { SourcesStore } from '../sources/SourcesStore.js'

/** The statement's notes in reading order, as the markdown export numbers them. */
function collectNotes(editor: Editor, store: SourcesStore): NoteText[] {
  const sequence = new NoteSequence(store.getSnapshot().byId)
  const notes: NoteText[] = []
  editor.state.doc.descendants((node) => {
    if (node.type.name !== 'citation') return true
    const sourceId = typeof node.attrs.sourceId === 'string' && node.attrs.sourceId !== '' ? node.attrs.sourceId : null
    notes.push(sequence.next(sourceId, cleanLocator(node.attrs.locator)))
    return false
  })
  return notes
}

/** True while the page is being printed (Ctrl+P, or print media emulated), updated before the page is laid out. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia('print').matches)
  useEffect(() => {
    const media = window.matchMedia('print')
    // beforeprint runs before the browser lays the page out for printing: the notes must be in the DOM by then.
    const update = (value: boolean) => flushSync(() => setPrinting(value))
    const onMedia = () => update(media.matches)
    const onBefore = () => update(true)
    const onAfter = () => update(media.matches)
    media.addEventListener('change', onMedia)
    window.addEventListener('beforeprint', onBefore)
    window.addEventListener('afterprint', onAfter)
    return () => {
      media.removeEventListener('change', onMedia)
      window.removeEventListener('beforeprint', onBefore)
      window.removeEventListener('afterprint', onAfter)
    }
  }, [])
  return printing
}

/**
 * On paper every citation is a note number (print.css), and its note is listed after the statement: full note
 * the first time a source is cited, short note after. Built only while printing: reading every citation of a
 * long statement on each keystroke would be wasted work.
 */
export function PrintNotes({ editor, store }: { editor: Editor; store: SourcesStore }) {
  const printing = usePrinting()
  if (!printing) return null
  const notes = collectNotes(editor, store)
  if (notes.length === 0) return null
  return (
    <section className="print-notes" aria-labelledby="print-notes-heading">
      <h2 id="print-notes-heading">Notes</h2>
      <ol>
        {notes.map((note, index) => (
          <li key={index}>
            {note.map((run, runIndex) =>
              run.style === 'italic' ? (
                <i key={runIndex}>{run.text}</i>
              ) : run.style === 'url' && isSafeLinkUrl(run.text) ? (
                <a key={runIndex} href={run.text}>
                  {run.text}
                </a>
              ) : (
                run.text
              ),
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
