import type { CaucusKind } from './cslTypes.js'

/**
 * The shapes the source forms edit: flat fields, ISO date strings ('2017-03-29', '2017-03', '2017'), authors
 * as a list. `validateSource` turns whatever a form holds into one of these; `toCsl` makes the CSL item.
 */

/** A person (`family`, optional `given`) or an organisation (`literal`). */
export type PersonInput = { family: string; given?: string } | { literal: string }

/** One version of a bill: each version is its own source, grouped with its siblings by bill. */
export interface BillVersionInput {
  kind: 'billVersion'
  /** Absent for a new source; `toCsl` assigns one. */
  id?: string
  /** "California". */
  jurisdiction: string
  /** "California State Senate". */
  legislativeBody: string
  /** "2017–2018". */
  session: string
  /** "SB 54". */
  billNumber: string
  /** One of `VERSION_LABELS` or free text. */
  versionLabel: string
  /** Full ISO date of this version. */
  versionDate: string
  /** The title as of this version: bills are renamed between versions. */
  title: string
  status?: string
  /** Link to this version's text. */
  url: string
  chapterNumber?: string
}

/** A news article. */
export interface NewsArticleInput {
  kind: 'newsArticle'
  id?: string
  /** At least one. */
  authors: PersonInput[]
  title: string
  outlet: string
  section?: string
  date: string
  url: string
  accessed?: string
}

/** A web page, report or statement: needs an author or a publisher to say who is speaking. */
export interface GenericSourceInput {
  kind: Exclude<CaucusKind, 'billVersion' | 'newsArticle'>
  id?: string
  authors: PersonInput[]
  title: string
  publisher?: string
  /** Required for reports and statements; web pages are often undated. */
  date?: string
  url: string
  accessed?: string
}

/** Any other CSL item (an imported book, journal article…), edited through its common fields. */
export interface OtherSourceInput {
  kind: 'other'
  id?: string
  /** A CSL type, e.g. 'book'. */
  cslType: string
  authors: PersonInput[]
  title: string
  containerTitle?: string
  publisher?: string
  date?: string
  url?: string
  accessed?: string
}

/** What a source form holds, once validated. */
export type SourceInput = BillVersionInput | NewsArticleInput | GenericSourceInput | OtherSourceInput

/** The version labels a form offers (free text is accepted too). */
export const VERSION_LABELS = [
  'Introduced',
  'Amended in Senate',
  'Amended in Assembly',
  'Amended in House',
  'Passed Senate',
  'Passed Assembly',
  'Passed House',
  'Engrossed',
  'Enrolled',
  'Chaptered',
] as const
