import { fieldsOf, fromCsl, validateSource, type CslItem, type SourceInput, type SourceIssue, type SourceKind } from '../../shared/sources/index.js'

/** One author row in a form: a person (given + family) or an organisation. */
export interface AuthorRow {
  organisation: boolean
  given: string
  family: string
  literal: string
}

/** What a source form holds while being edited: every value a string, as typed. */
export interface SourceFormState {
  kind: SourceKind
  id?: string
  /** The CSL type of an imported "other" item, kept as it is. */
  cslType?: string
  values: Record<string, string>
  authors: AuthorRow[]
}

export const KIND_NAMES: Record<SourceKind, string> = {
  billVersion: 'Bill version',
  newsArticle: 'News article',
  webPage: 'Web page',
  report: 'Report',
  statement: 'Statement',
  other: 'Other',
}

const emptyAuthor = (): AuthorRow => ({ organisation: false, given: '', family: '', literal: '' })

/** A blank form of a kind. */
export function emptyForm(kind: SourceKind): SourceFormState {
  return { kind, values: {}, authors: [emptyAuthor()] }
}

/** A form filled from a stored source. */
export function formFromItem(item: CslItem): SourceFormState {
  const input = fromCsl(item) as SourceInput & Record<string, unknown>
  const values: Record<string, string> = {}
  for (const field of Object.keys(fieldsOf(input.kind))) {
    const value = input[field]
    if (typeof value === 'string') values[field] = value
  }
  const people = 'authors' in input && Array.isArray(input.authors) ? input.authors : []
  const authors = people.map((person) =>
    'literal' in person
      ? { ...emptyAuthor(), organisation: true, literal: person.literal }
      : { ...emptyAuthor(), given: person.given ?? '', family: person.family },
  )
  return { kind: input.kind, id: item.id, cslType: input.kind === 'other' ? input.cslType : undefined, values, authors: authors.length ? authors : [emptyAuthor()] }
}

/** Checks the form with the shared model; issues are keyed by field name (authors by row). */
export function checkForm(form: SourceFormState): { value?: SourceInput; issues: Map<string, string> } {
  const candidate: Record<string, unknown> = { ...form.values, kind: form.kind }
  if (form.id) candidate.id = form.id
  if (form.kind === 'other') candidate.cslType = form.cslType ?? form.values.cslType
  if ('authors' in fieldsOf(form.kind)) {
    candidate.authors = form.authors.map((row) => (row.organisation ? { literal: row.literal } : { given: row.given, family: row.family }))
  }
  const result = validateSource(candidate)
  if (result.ok) return { value: result.value, issues: new Map() }
  return { issues: new Map(result.issues.map((issue: SourceIssue) => [issue.path.startsWith('authors') ? 'authors' : issue.path, issue.message])) }
}
