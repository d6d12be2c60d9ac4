import type { SourceKind } from './cslTypes.js'

/**
 * One table per kind: form field → where it lives in the CSL item, and the words that name it in messages.
 * Validation messages, CSL import errors and forms all take their field names from here.
 */
export interface FieldInfo {
  /** Dotted path in the CSL item. */
  csl: string
  /** How a message names the field ("Bill number is required"). */
  label: string
  /** How the value is stored: text (default), a CSL date, or a list of CSL names. */
  format?: 'date' | 'names'
  /** A form always shows it (as '' when the item lacks it); validation may still demand more. */
  required?: boolean
}

const shared = {
  title: { csl: 'title', label: 'Title', required: true },
  url: { csl: 'URL', label: 'URL', required: true },
  accessed: { csl: 'accessed', label: 'Accessed date', format: 'date' },
  authors: { csl: 'author', label: 'Author', format: 'names' },
} satisfies Record<string, FieldInfo>

/** The fields of each kind's form, in the order a form shows them. */
export const SOURCE_FIELDS = {
  billVersion: {
    jurisdiction: { csl: 'jurisdiction', label: 'Jurisdiction', required: true },
    legislativeBody: { csl: 'authority', label: 'Legislative body', required: true },
    session: { csl: 'custom.session', label: 'Session', required: true },
    billNumber: { csl: 'number', label: 'Bill number', required: true },
    versionLabel: { csl: 'custom.versionLabel', label: 'Version', required: true },
    versionDate: { csl: 'issued', label: 'Version date', format: 'date', required: true },
    title: shared.title,
    status: { csl: 'custom.status', label: 'Status' },
    url: shared.url,
    chapterNumber: { csl: 'chapter-number', label: 'Chapter number' },
  },
  newsArticle: {
    authors: shared.authors,
    title: shared.title,
    outlet: { csl: 'container-title', label: 'Outlet', required: true },
    section: { csl: 'section', label: 'Section' },
    date: { csl: 'issued', label: 'Publication date', format: 'date', required: true },
    url: shared.url,
    accessed: shared.accessed,
  },
  webPage: {
    authors: shared.authors,
    title: shared.title,
    publisher: { csl: 'publisher', label: 'Publisher' },
    date: { csl: 'issued', label: 'Date', format: 'date' },
    url: shared.url,
    accessed: shared.accessed,
  },
  other: {
    cslType: { csl: 'type', label: 'Type', required: true },
    authors: shared.authors,
    title: shared.title,
    containerTitle: { csl: 'container-title', label: 'Published in' },
    publisher: { csl: 'publisher', label: 'Publisher' },
    date: { csl: 'issued', label: 'Date', format: 'date' },
    url: { csl: 'URL', label: 'URL' },
    accessed: shared.accessed,
  },
} satisfies Record<string, Record<string, FieldInfo>>

type FieldTable = Record<string, FieldInfo>

/** The field table of a kind (reports and statements share the web page's fields). */
export function fieldsOf(kind: SourceKind): FieldTable {
  if (kind === 'report' || kind === 'statement') return SOURCE_FIELDS.webPage
  return SOURCE_FIELDS[kind]
}

/** The label of a form field of a kind, e.g. ('billVersion', 'billNumber') → 'Bill number'. */
export function fieldLabel(kind: SourceKind, field: string): string {
  return fieldsOf(kind)[field]?.label ?? field
}

/** A form issue path ("authors.1.family") as the CSL path it concerns ("author.1.family"). */
export function cslPathOf(kind: SourceKind, formPath: string): string {
  const [field = '', ...rest] = formPath.split('.')
  const csl = fieldsOf(kind)[field]?.csl ?? field
  return [csl, ...rest].join('.')
}

const CSL_LABELS: Record<string, string> = {
  type: 'Type',
  id: 'Id',
  custom: 'Custom data',
  issued: 'Date',
  'container-title': 'Published in',
  'chapter-number': 'Chapter number',
}

/** How a message names a CSL variable, using the kind's form label when the kind has one. */
export function cslLabel(kind: SourceKind, variable: string): string {
  const own = Object.values(fieldsOf(kind)).find((info) => info.csl === variable)
  if (own) return own.label
  if (CSL_LABELS[variable]) return CSL_LABELS[variable]
  // 'original-date' → 'Original date', 'URL' stays 'URL'.
  const words = variable.replace(/[-_]/g, ' ')
  return words === words.toUpperCase() ? words : words.charAt(0).toUpperCase() + words.slice(1)
}
