import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useState, useSyncExternalStore, type MutableRefObject } from 'react'
import { formatInlineLabel } from '../../shared/sources/labels.js'
import { matchesSearch } from '../sources/searchSources.js'
import type { SourcesStore } from '../sources/SourcesStore.js'

/** Typing `[@` (optionally followed by words) right before the cursor opens the picker. */
const TRIGGER = /\[@([^[\]\n]{0,40})$/

interface Trigger {
  from: number
  to: number
  query: string
}

function findTrigger(editor: Editor): Trigger | null {
  const { selection } = editor.state
  if (!selection.empty) return null
  const { $from } = selection
  const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 42), $from.parentOffset, undefined, '\ufffc')
  const match = TRIGGER.exec(before)
  if (!match) return null
  return { from: $from.pos - match[0].length, to: $from.pos, query: match[1] ?? '' }
}

const MAX_RESULTS = 8

/**
 * The quick citation picker: type `[@` and a few letters of a title, bill number, outlet or author; arrows
 * choose, Enter inserts, Escape closes. `keyHandler` is called by the editor before its own key handling.
 */
export function CitePicker({ editor, store, keyHandler }: { editor: Editor; store: SourcesStore; keyHandler: MutableRefObject<((event: KeyboardEvent) => boolean) | null> }) {
  const { items } = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [trigger, setTrigger] = useState<Trigger | null>(null)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const [active, setActive] = useState(0)

  useEffect(() => {
    const check = () => setTrigger(findTrigger(editor))
    editor.on('transaction', check)
    return () => {
      editor.off('transaction', check)
    }
  }, [editor])

  const open = trigger !== null && trigger.from !== dismissedAt
  const results = useMemo(() => (open ? items.filter((item) => matchesSearch(item, trigger.query)).slice(0, MAX_RESULTS) : []), [open, items, trigger?.query])
  useEffect(() => setActive(0), [trigger?.query])

  const choose = (index: number) => {
    const item = results[index]
    if (!trigger || !item) return
    editor.chain().focus().deleteRange({ from: trigger.from, to: trigger.to }).insertCitation({ sourceId: item.id }).run()
  }

  keyHandler.current = open
    ? (event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const step = event.key === 'ArrowDown' ? 1 : -1
          setActive((current) => (current + step + Math.max(results.length, 1)) % Math.max(results.length, 1))
          return true
        }
        if (event.key === 'Enter' && results.length > 0) {
          choose(active)
          return true
        }
        if (event.key === 'Escape') {
          setDismissedAt(trigger.from)
          return true
        }
        return false
      }
    : null

  if (!open) return null
  const coords = editor.view.coordsAtPos(trigger.to)
  return (
    <div className="cite-picker" style={{ left: coords.left + window.scrollX, top: coords.bottom + window.scrollY + 4 }} role="listbox" aria-label="Cite a source" id="cite-picker">
      {results.length === 0 ? (
        <p className="muted cite-picker-empty">{items.length === 0 ? 'No sources yet: add them in the Sources panel.' : `No source matches “${trigger.query}”.`}</p>
      ) : (
        results.map((item, index) => (
          <div
            key={item.id}
            role="option"
            aria-selected={index === active}
            className={`cite-option${index === active ? ' active' : ''}`}
            onMouseDown={(event) => {
              event.preventDefault()
              choose(index)
            }}
          >
            <span className="cite-option-label">{formatInlineLabel(item)}</span>
            <span className="cite-option-title">{item.title}</span>
          </div>
        ))
      )}
    </div>
  )
}
