import { billInlineLabel } from './billLabels.js'
import { sourceKindOf, type CslItem, type CslName } from './cslTypes.js'
import { yearOf } from './dateFormat.js'
import { curlyQuotes } from '../typography.js'

/**
 * How a source reads in the editor. Labels are plain text (the client escapes and links them); every part is
 * optional, so an imported item with only a title still gets a label.
 *
 * Inline labels (compact, in the text):
 * - bill version: see `billLabels.ts` ("SB 54 (am. Senate, Mar. 29, 2017)");
 * - news article: first author's family name (or organisation), outlet, year: "Rivera, The Daily Ledger, 2019";
 * - anything else: first author (or else the publisher), year: "Parks Coalition, 2019"; with neither, the short
 *   title and year.
 * Labels are set typographically (curly quotes, O’Brien); full references are the full note of `notes.ts`.
 */

/** Longest title an inline label shows before cutting it at a word. */
export const INLINE_TITLE_LENGTH = 40

/** The name an inline label uses: a family name with its particle ("van Dijk"), or an organisation. */
export function shortName(name: CslName): string | undefined {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  return name.literal || family || name.given || undefined
}

/** A name in full, given name first: "Ana María de la Cruz, Jr." */
export function fullName(name: CslName): string | undefined {
  if (name.literal) return name.literal
  const person = [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  if (!person) return undefined
  return name.suffix ? `${person}, ${name.suffix}` : person
}

/** "A", "A and B", "A, B, and C", "A et al." (four or more). */
export function formatAuthors(names: readonly CslName[] | undefined): string | undefined {
  const full = (names ?? []).map(fullName).filter((name): name is string => Boolean(name))
  if (full.length === 0) return undefined
  if (full.length === 1) return full[0]
  if (full.length === 2) return `${full[0]} and ${full[1]}`
  if (full.length === 3) return `${full[0]}, ${full[1]}, and ${full[2]}`
  return `${full[0]} et al.`
}

function shortTitle(item: CslItem): string {
  const title = (item['title-short'] || item.title || 'Untitled').trim()
  if (title.length <= INLINE_TITLE_LENGTH) return title
  // One character more, so a title that breaks right at the limit keeps its last whole word.
  const cut = title.slice(0, INLINE_TITLE_LENGTH + 1)
  const atWord = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.–—-]+$/, '')
  return `${atWord || cut.slice(0, INLINE_TITLE_LENGTH)}…`
}

function firstAuthor(item: CslItem): string | undefined {
  const first = item.author?.[0]
  return first ? shortName(first) : undefined
}

/** The compact label a citation shows in the text (see the module comment). */
export function formatInlineLabel(item: CslItem): string {
  return curlyQuotes(inlineLabel(item))
}

function inlineLabel(item: CslItem): string {
  const kind = sourceKindOf(item)
  if (kind === 'billVersion') return billInlineLabel(item)
  const year = yearOf(item.issued)
  if (kind === 'newsArticle') {
    const parts = [firstAuthor(item), item['container-title'], year].filter(Boolean)
    return parts.length > 0 ? parts.join(', ') : shortTitle(item)
  }
  const who = firstAuthor(item) ?? item.publisher?.trim()
  return [who ?? shortTitle(item), year].filter(Boolean).join(', ')
}

/** CSL types whose titles name whole works (a book, a report): italic in print, so never quoted. */
export const UNQUOTED_TITLE_TYPES: readonly string[] = ['book', 'report', 'thesis', 'dataset', 'software', 'pamphlet', 'manuscript', 'periodical', 'standard']
