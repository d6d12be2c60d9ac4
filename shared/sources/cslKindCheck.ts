import { fromCsl } from './convert.js'
import { KIND_CSL_TYPES, type CaucusKind, type CslItem } from './cslTypes.js'
import { cslPathOf } from './fields.js'
import type { SourceIssue } from './issues.js'
import { validateSource } from './schemas.js'

const KIND_NAMES: Record<CaucusKind, string> = {
  billVersion: 'a bill version',
  newsArticle: 'a news article',
  webPage: 'a web page',
  report: 'a report',
  statement: 'a statement',
}

/**
 * The form rules of a declared kind, applied to a CSL item: the item is read as its form would show it and
 * validated like one, and each issue's path is turned back into the CSL variable it concerns.
 */
export function kindIssues(item: CslItem, kind: CaucusKind): SourceIssue[] {
  const allowed = KIND_CSL_TYPES[kind]
  if (!allowed.includes(item.type)) {
    return [{ path: 'type', message: `Type must be ${allowed.join(' or ')} for ${KIND_NAMES[kind]}` }]
  }
  const checked = validateSource(fromCsl(item))
  if (checked.ok) return []
  return checked.issues.map((issue) => ({ ...issue, path: cslPathOf(kind, issue.path) }))
}
