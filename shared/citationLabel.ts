// Straight from the modules, not the index: the editor's first load must not pull in the validation code.
import { formatInlineLabel } from './sources/labels.js'
import { formatFullReference } from './sources/notes.js'
import type { CslItem } from './sources/cslTypes.js'

/** What a citation shows in the text, the same in the editor and in the page the server sends before it. */
export interface CitationLabel {
  /** The compact label, with the pinpoint: "SB 54 (am. Senate, Mar. 29, 2017), § 3". */
  text: string
  /** The cited source was deleted. */
  missing: boolean
  /** A later version of the same bill is in the sources (the "newer version" badge). */
  outdated: boolean
  /** What a screen reader says: the label, the full reference and the badge. */
  ariaLabel: string
}

export const NEWER_VERSION_BADGE = 'newer version'

/** Describes a citation of `item` (undefined when its source is missing), given the newer version if any. */
export function describeCitation(item: CslItem | undefined, newer: CslItem | undefined, locator: string | null): CitationLabel {
  const label = item ? formatInlineLabel(item) : 'missing source'
  const text = locator ? `${label}, ${locator}` : label
  const description = item ? formatFullReference(item) : 'The cited source was deleted from this document.'
  return {
    text,
    missing: !item,
    outdated: Boolean(item && newer),
    ariaLabel: `Citation: ${text}. ${description}${item && newer ? ' A newer version of this bill is in the sources.' : ''}`,
  }
}
