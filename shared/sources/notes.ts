import { billInlineLabel, sessionText, versionPhrase } from './billLabels.js'
import { sourceKindOf, type CslItem, type CslName } from './cslTypes.js'
import { formatCslDate } from './dateFormat.js'
import { abbreviateJurisdiction } from './jurisdictions.js'
import { formatAuthors, shortName, UNQUOTED_TITLE_TYPES } from './labels.js'
import { curlyQuotes, flipInnerQuotes, punctuateInside, withoutClosingQuotes } from '../typography.js'

/**
 * Notes and Further Reading entries in Chicago notes-bibliography style, the way the group writes them by
 * hand. A note is returned as styled runs (plain, italic, URL), so markdown, HTML and plain text can each
 * render it. Fields keep what was typed; here their straight quotes become curly ones (`shared/typography.ts`),
 * and a quoted title's own quotes are flipped (double to single, single to double). The forms, with their
 * punctuation (commas and periods go inside closing quotes, none is added after a title ending in ? or !):
 *
 * - full note: Author, “Title,” *Outlet*, Month Day, Year, pinpoint, URL.
 *   (whole works such as reports: Author, *Title*, Publisher, Year, URL.)
 * - short note (the same source cited again): Family, “Short Title,” pinpoint.
 * - bill version, full: SB 54, *Title as of that version*, 2017–2018 Reg. Sess. (Cal.), as amended in Senate,
 *   March 29, 2017, pinpoint, URL.
 * - bill version, short: SB 54 (am. Senate, Mar. 29, 2017), pinpoint.
 * - Further Reading entry: the full note without a pinpoint.
 * - missing source: [Missing source: src_…]
 */

/** A run of note text: plain, italic (titles of whole works, periodicals), or a URL. */
export interface NoteRun {
  text: string
  style?: 'italic' | 'url'
}

/** A note or Further Reading entry as styled runs. */
export type NoteText = NoteRun[]

interface Part {
  text: string | undefined
  style?: 'italic' | 'url' | 'quoted'
}

/** Periodicals, whose names are italic (a website's name is not). */
const PERIODICAL_TYPES = ['article-newspaper', 'article-magazine', 'article-journal']

/** Titles up to this many words are short enough to repeat whole. */
const MAX_WHOLE_TITLE_WORDS = 5

/** Drops a quote mark left open by cutting a title ("New Rules for ‘Sanctuary" → "New Rules for Sanctuary"). */
function closeQuotes(text: string): string {
  const count = (value: string, char: string) => value.split(char).length - 1
  const withoutLast = (value: string, char: string) => {
    const at = value.lastIndexOf(char)
    return value.slice(0, at) + value.slice(at + 1)
  }
  let out = text
  for (const [open, close] of [['‘', '’'], ['“', '”']] as const) {
    // Only more openings than closings: ’ is also an apostrophe.
    if (count(out, open) > count(out, close)) out = withoutLast(out, open)
  }
  return count(out, '"') % 2 === 1 ? withoutLast(out, '"') : out
}

/** Articles, conjunctions and prepositions: a shortened title does not end on one. */
const SMALL_WORDS = /^(a|an|and|as|at|between|by|for|from|in|into|of|on|or|the|to|with)$/i

/** Joins parts with commas and a final period, American style, into runs. */
function joinParts(parts: readonly Part[]): NoteText {
  const present = parts.filter((part): part is Part & { text: string } => Boolean(part.text?.trim()))
  const runs: NoteText = []
  const push = (text: string, style?: NoteRun['style']) => {
    const last = runs[runs.length - 1]
    if (last && !last.style && !style) last.text += text
    else runs.push(style ? { text, style } : { text })
  }
  present.forEach((part, index) => {
    const isLast = index === present.length - 1
    // URLs are taken literally; every other field is set typographically.
    const text = part.style === 'url' ? part.text.trim() : curlyQuotes(part.text.trim())
    const words = withoutClosingQuotes(text)
    const ownStop = /[?!]$/.test(words)
    if (part.style === 'quoted') {
      const title = flipInnerQuotes(text)
      push(`“${ownStop ? title : punctuateInside(title, isLast ? '.' : ',')}”`)
      if (!isLast) push(' ')
      return
    }
    const endsSentence = part.style !== 'url' && /[.?!]$/.test(words)
    if (part.style === 'italic') {
      push(text, part.style)
      if (isLast) {
        if (!endsSentence) push('.')
      } else push(ownStop ? ' ' : ', ')
      return
    }
    if (part.style === 'url') {
      push(text, part.style)
      push(isLast ? '.' : ', ')
      return
    }
    // Plain text: a comma or period goes inside a closing quote the text ends with.
    if (isLast) push(endsSentence ? text : punctuateInside(text, '.'))
    else if (ownStop) push(`${text} `)
    else push(`${punctuateInside(text, ',')} `)
  })
  return runs
}

/** Family names as a short note gives them: "Rivera", "Rivera and Chen", "Rivera, Chen, and Okafor", "Rivera et al.". */
export function formatShortAuthors(names: readonly CslName[] | undefined): string | undefined {
  const short = (names ?? []).map(shortName).filter((name): name is string => Boolean(name))
  if (short.length <= 1) return short[0]
  if (short.length === 2) return `${short[0]} and ${short[1]}`
  if (short.length === 3) return `${short[0]}, ${short[1]}, and ${short[2]}`
  return `${short[0]} et al.`
}

/**
 * The title a short note uses: `title-short` when set, else the main title (without its subtitle); one of
 * more than five words is cut to its first four (Chicago's short title), without a leading article or a
 * trailing small word.
 */
export function shortNoteTitle(item: CslItem): string | undefined {
  const explicit = item['title-short']?.trim()
  if (explicit) return explicit
  const main = item.title?.trim().split(/:\s/)[0]?.trim()
  if (!main) return undefined
  const words = main.split(/\s+/)
  if (words.length <= MAX_WHOLE_TITLE_WORDS) return main
  const kept = (/^(a|an|the)$/i.test(words[0]!) ? words.slice(1) : words).slice(0, 4)
  while (kept.length > 1 && SMALL_WORDS.test(kept[kept.length - 1]!.replace(/^\p{P}+|\p{P}+$/gu, ''))) kept.pop()
  return closeQuotes(kept.join(' ').replace(/[,;:–—-]+$/, ''))
}

function titlePart(item: CslItem, title: string | undefined): Part {
  return { text: title, style: UNQUOTED_TITLE_TYPES.includes(item.type) ? 'italic' : 'quoted' }
}

function isBill(item: CslItem): boolean {
  return sourceKindOf(item) === 'billVersion'
}

function billFullParts(item: CslItem, locator: string | null | undefined): Part[] {
  const jurisdiction = item.jurisdiction?.trim() ? `(${abbreviateJurisdiction(item.jurisdiction)})` : undefined
  const chapter = item['chapter-number']?.trim()
  return [
    { text: item.number },
    { text: item.title, style: 'italic' },
    { text: [sessionText(item.custom?.session), jurisdiction].filter(Boolean).join(' ') },
    { text: versionPhrase(item.custom?.versionLabel) },
    { text: chapter ? `ch. ${chapter}` : undefined },
    { text: formatCslDate(item.issued, 'long') },
    { text: locator ?? undefined },
    { text: item.URL, style: 'url' },
  ]
}

/** The full note: the first time a source is cited (see the module comment). */
export function formatFullNote(item: CslItem, locator?: string | null): NoteText {
  if (isBill(item)) return joinParts(billFullParts(item, locator))
  const authors = formatAuthors(item.author)
  const container = item['container-title']?.trim()
  const publisher = item.publisher?.trim()
  // A news outlet is its own publisher; an organisation that wrote and published a page is named once.
  const publisherShown =
    publisher && sourceKindOf(item) !== 'newsArticle' && publisher !== container && !item.author?.some((name) => name.literal?.trim() === publisher)
  const accessed = formatCslDate(item.accessed, 'long')
  // An access date only stands in for a missing publication date.
  const date = formatCslDate(item.issued, 'long') ?? (accessed ? `accessed ${accessed}` : undefined)
  return joinParts([
    { text: authors },
    titlePart(item, item.title),
    { text: container, style: PERIODICAL_TYPES.includes(item.type) ? 'italic' : undefined },
    { text: publisherShown ? publisher : undefined },
    { text: date },
    { text: locator ?? undefined },
    { text: item.URL, style: 'url' },
  ])
}

/** The short note: a source cited again (see the module comment). */
export function formatShortNote(item: CslItem, locator?: string | null): NoteText {
  if (isBill(item)) return joinParts([{ text: billInlineLabel(item) }, { text: locator ?? undefined }])
  const authors = formatShortAuthors(item.author)
  const title = shortNoteTitle(item)
  // With neither a name nor a title there is nothing short to say.
  if (!authors && !title) return formatFullNote(item, locator)
  return joinParts([{ text: authors }, titlePart(item, title), { text: locator ?? undefined }])
}

/** A Further Reading entry: the source's full reference (the full note without a pinpoint). */
export function formatReadingEntry(item: CslItem): NoteText {
  return formatFullReferenceRuns(item)
}

/** The note of a citation whose source is not in the document. */
export function formatMissingNote(sourceId: string | null | undefined): NoteText {
  return [{ text: sourceId ? `[Missing source: ${sourceId}]` : '[Missing source]' }]
}

/**
 * A source's full reference, wherever it is shown (popover, screen-reader label, export notes and Further
 * Reading): the full note without a pinpoint, as styled runs.
 */
export function formatFullReferenceRuns(item: CslItem): NoteText {
  return formatFullNote(item)
}

/** The full reference as plain text, for places that cannot show italics (an aria-label). */
export function formatFullReference(item: CslItem): string {
  return noteToPlainText(formatFullReferenceRuns(item))
}

/** A note as plain text (italics dropped). */
export function noteToPlainText(note: NoteText): string {
  return note.map((run) => run.text).join('')
}
