import { Fragment } from 'react'

interface Props {
  /** How many times the source is cited. */
  uses: number
  /** The source's name, to tell screen-reader users whose citations these are. */
  name: string
  /** Moves the caret to the source's `index`-th citation (from 0, reading order) and scrolls it into view. */
  onJump: (index: number) => void
}

// Past this, the list of jump buttons would crowd the source out; the rest are counted instead.
const MAX_JUMP_BUTTONS = 12

/**
 * Where a source is cited, as links to each place: "Cited once — jump to it", "Cited 3 times — 1, 2, 3". A bare
 * "Cited 1 time: [1]" did not say what the number was for. Each place is a button, so Tab reaches it; a number's
 * name says which citation it is ("Jump to citation 2 of 3") and the group says whose.
 */
export function CitationJumps({ uses, name, onJump }: Props) {
  if (uses === 0) return <span className="unused-badge">Not cited yet</span>
  if (uses === 1) {
    return (
      <span role="group" aria-label={`Citations of ${name}`}>
        Cited once —{' '}
        <button type="button" className="link-button jump-link" onClick={() => onJump(0)}>
          jump to it
        </button>
      </span>
    )
  }
  const shown = Math.min(uses, MAX_JUMP_BUTTONS)
  return (
    <span role="group" aria-label={`Citations of ${name}`} className="jump-list">
      Cited {uses} times —{' '}
      {Array.from({ length: shown }, (_, index) => (
        <Fragment key={index}>
          <button type="button" className="jump" onClick={() => onJump(index)} aria-label={`Jump to citation ${index + 1} of ${uses}`}>
            {index + 1}
          </button>
          {index < shown - 1 && ', '}
        </Fragment>
      ))}
      {uses > shown && ` and ${uses - shown} more`}
    </span>
  )
}
