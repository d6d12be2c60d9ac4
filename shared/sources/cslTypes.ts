/**
 * Sources are CSL-JSON items: the format Zotero, pandoc and citeproc read and write, so a document's source
 * list can be exported to (and imported from) any of them without a translation layer.
 *
 * Standard CSL variables carry everything CSL has a variable for:
 * - `type`: 'bill', 'article-newspaper', 'webpage', 'report', 'document' or 'speech' (statements), or any
 *   other CSL type for imported items;
 * - `title` (for a bill: its title *as of that version*), `author` (name objects), `container-title` (a news
 *   outlet), `publisher`, `section` (newspaper section), `URL`;
 * - `issued`: the publication date; for a bill version, the date of that version (so citeproc and Zotero
 *   show the version's date without knowing about our extension);
 * - `accessed`;
 * - bills: `number` ("SB 54"), `authority` (legislative body: "California State Senate"), `jurisdiction`
 *   ("California"), `chapter-number` (chapter in the session laws, once chaptered).
 *
 * What CSL has no variable for lives in CSL's free-form `custom` object, flat and namespaced by `caucusKind`:
 * - `custom.caucusKind`: which Caucus form the item was made with ('billVersion', 'newsArticle', 'webPage',
 *   'report', 'statement'). Present means "validate me strictly as that kind"; absent (e.g. a Zotero import)
 *   means the item was only checked as CSL and its kind is inferred from `type`.
 * - `custom.session`: the legislative session ("2017–2018"), part of what identifies a bill.
 * - `custom.versionLabel`: the version ("Introduced", "Amended in Senate", …, or free text).
 * - `custom.status`: optional free-text status ("In committee", "Vetoed").
 * Other tools' keys in `custom` are kept untouched.
 */

/** A CSL name: a person (`family`, `given`, particles) or an organisation (`literal`). */
export interface CslName {
  family?: string
  given?: string
  literal?: string
  'non-dropping-particle'?: string
  'dropping-particle'?: string
  suffix?: string
}

/** A CSL date. We write `date-parts` with one `[year, month?, day?]`; imports may bring ranges or text. */
export interface CslDate {
  'date-parts'?: number[][]
  raw?: string
  literal?: string
  season?: number | string
  circa?: boolean | number | string
}

/** The kinds of source a Caucus form creates. */
export const CAUCUS_KINDS = ['billVersion', 'newsArticle', 'webPage', 'report', 'statement'] as const
export type CaucusKind = (typeof CAUCUS_KINDS)[number]

/** A Caucus kind, or 'other' for valid CSL items of any other type (books, journal articles…). */
export type SourceKind = CaucusKind | 'other'

/** Our extension fields inside CSL's `custom` object (see the module comment). */
export interface CaucusCustom {
  caucusKind?: CaucusKind
  session?: string
  versionLabel?: string
  status?: string
  [otherToolsKey: string]: unknown
}

/** One source. Unknown CSL variables (DOI, ISBN, note…) pass through untouched. */
export interface CslItem {
  id: string
  type: string
  title?: string
  'title-short'?: string
  author?: CslName[]
  'container-title'?: string
  publisher?: string
  section?: string
  URL?: string
  issued?: CslDate
  accessed?: CslDate
  number?: string
  authority?: string
  jurisdiction?: string
  'chapter-number'?: string
  custom?: CaucusCustom
  [variable: string]: unknown
}

/** The CSL types each Caucus kind may have; the first is the one we write. */
export const KIND_CSL_TYPES: Record<CaucusKind, readonly string[]> = {
  billVersion: ['bill'],
  newsArticle: ['article-newspaper'],
  webPage: ['webpage'],
  report: ['report'],
  statement: ['document', 'speech'],
}

/** Every item type CSL 1.0.2 defines. */
export const CSL_TYPES: readonly string[] = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
]

/** CSL variables that hold lists of names. */
export const CSL_NAME_VARIABLES: readonly string[] = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator',
]

/** CSL variables that hold dates. */
export const CSL_DATE_VARIABLES: readonly string[] = [
  'accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted',
]

/** The kind of an item: its declared `custom.caucusKind`, else inferred from its CSL type. */
export function sourceKindOf(item: Pick<CslItem, 'type' | 'custom'>): SourceKind {
  const declared = item.custom?.caucusKind
  if (declared && (CAUCUS_KINDS as readonly string[]).includes(declared)) return declared
  // 'document' and 'speech' are not inferred as statements: Zotero uses them for all sorts of things.
  const inferred: Record<string, CaucusKind> = {
    bill: 'billVersion',
    'article-newspaper': 'newsArticle',
    webpage: 'webPage',
    report: 'report',
  }
  return inferred[item.type] ?? 'other'
}
