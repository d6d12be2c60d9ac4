import type { Editor } from '@tiptap/core'
import { useState, type FormEvent } from 'react'
import { MAX_LOCATOR_LENGTH } from '../../shared/citationNode.js'
import { formatCslDate, formatInlineLabel, type CslItem } from '../../shared/sources/index.js'
import { curlyQuotes } from '../../shared/typography.js'
import { CitationJumps } from './CitationJumps.js'
import { findCitation } from './useCitationIndex.js'

interface Props {
  item: CslItem
  /** Set for a bill version: the bill number its group is named after. */
  versionOf?: string
  editor: Editor
  /** How many times this source is cited. */
  uses: number
  onEdit: () => void
  onDelete: () => void
  /** A viewer: the source can be read and its citations visited, nothing else. */
  readOnly: boolean
}

/** One source: what it is, where it is cited, and the buttons to cite, edit or delete it. */
export function SourceListItem({ item, versionOf, editor, uses, onEdit, onDelete, readOnly }: Props) {
  const [pinpointOpen, setPinpointOpen] = useState(false)
  const [locator, setLocator] = useState('')
  // Shown as a note would set it (curly quotes); the source itself keeps what was typed.
  const name = item.title ? curlyQuotes(item.title) : formatInlineLabel(item)
  const versionLabel = item.custom?.versionLabel

  const cite = (event?: FormEvent) => {
    event?.preventDefault()
    editor.chain().focus().insertCitation({ sourceId: item.id, locator }).run()
    setLocator('')
    setPinpointOpen(false)
  }

  const jump = (index: number) => {
    const position = findCitation(editor, item.id, index)
    if (position !== null) editor.chain().focus().setNodeSelection(position).scrollIntoView().run()
  }

  return (
    <li className={`source-item${uses === 0 ? ' unused' : ''}`} data-source-id={item.id}>
      <p className="source-label">{versionOf ? `${versionLabel ?? 'Version'}${item.issued ? `, ${formatCslDate(item.issued, 'long')}` : ''}` : formatInlineLabel(item)}</p>
      <p className="source-title">{name}</p>
      <p className="source-uses">
        <CitationJumps uses={uses} name={name} onJump={jump} />
      </p>
      <fieldset className="source-actions" disabled={readOnly} aria-label={`Actions for ${name}`}>
        <button type="button" className="primary" onClick={() => cite()} aria-label={`Cite ${name}${versionOf ? ` (${versionLabel})` : ''} at the cursor`}>
          Cite
        </button>
        <button type="button" onClick={() => setPinpointOpen((open) => !open)} aria-expanded={pinpointOpen} aria-label={`Cite ${name} with a pinpoint`}>
          Pinpoint…
        </button>
        <button type="button" onClick={onEdit} aria-label={`Edit ${name}`}>
          Edit
        </button>
        <button type="button" className="danger" onClick={onDelete} aria-label={`Delete ${name}`}>
          Delete
        </button>
      </fieldset>
      {pinpointOpen && !readOnly && (
        <form className="pinpoint-form" onSubmit={cite}>
          <label htmlFor={`pinpoint-${item.id}`}>Pinpoint (section, page…)</label>
          <input id={`pinpoint-${item.id}`} autoFocus maxLength={MAX_LOCATOR_LENGTH} placeholder="§ 7284.6(a)(1) or p. 3" value={locator} onChange={(event) => setLocator(event.target.value)} />
          <button type="submit" className="primary">
            Insert citation
          </button>
        </form>
      )}
    </li>
  )
}
