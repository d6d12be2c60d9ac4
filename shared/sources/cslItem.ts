import { kindIssues } from './cslKindCheck.js'
import { parseCslDate } from './cslDates.js'
import {
  CAUCUS_KINDS,
  CSL_DATE_VARIABLES,
  CSL_NAME_VARIABLES,
  CSL_TYPES,
  sourceKindOf,
  type CaucusKind,
  type CslItem,
} from './cslTypes.js'
import { cslLabel } from './fields.js'
import { failure, isRecord, type Checked, type SourceIssue } from './issues.js'
import { MAX_SOURCE_ID_LENGTH } from './schemas.js'
import { httpUrlProblem } from './urls.js'

/**
 * Checking a CSL item from outside Caucus (an import, an API body, another client's Y.Doc entry).
 *
 * Liberal in what it accepts, like Zotero's output: any CSL type, unknown variables kept, numbers where CSL
 * allows text, names and dates in every CSL shape. Strict where it matters: a title, http(s) URLs only, real
 * dates, well-formed names. An item that declares a Caucus kind (`custom.caucusKind`) must also satisfy that
 * kind's form rules, so what we import is what our forms would have produced.
 */

/** Text variables we read; CSL-JSON allows numbers for some ("number": 54), which become text. */
const TEXT_VARIABLES = [
  'title', 'title-short', 'container-title', 'publisher', 'section', 'number', 'authority', 'jurisdiction',
  'chapter-number',
]

/** Parses one CSL item. With `checkKind: false`, a declared Caucus kind is not held to its form rules. */
export function parseCslItem(value: unknown, options: { checkKind?: boolean } = {}): Checked<CslItem> {
  if (!isRecord(value)) return failure('', 'A CSL item must be an object')
  // JSON exporters write null for "no value"; CSL means the same by leaving the variable out.
  const item: Record<string, unknown> = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
  const issues: SourceIssue[] = []
  const problem = (path: string, message: string) => issues.push({ path, message })

  if (typeof item.id === 'number' && Number.isFinite(item.id)) item.id = String(item.id)
  if (typeof item.id !== 'string' || item.id.trim() === '') problem('id', 'Id is required')
  else if (item.id.length > MAX_SOURCE_ID_LENGTH) problem('id', `Id must be at most ${MAX_SOURCE_ID_LENGTH} characters`)

  if (typeof item.type !== 'string' || item.type === '') problem('type', 'Type is required')
  else if (!CSL_TYPES.includes(item.type)) problem('type', `Type: "${item.type}" is not a CSL item type`)

  const custom = item.custom
  let declared: CaucusKind | undefined
  if (custom !== undefined && !isRecord(custom)) problem('custom', 'Custom data must be an object')
  if (isRecord(custom)) {
    const kind = custom.caucusKind
    if (kind !== undefined && !(CAUCUS_KINDS as readonly unknown[]).includes(kind)) {
      problem('custom.caucusKind', `Caucus kind must be one of: ${CAUCUS_KINDS.join(', ')}`)
    } else declared = kind as CaucusKind | undefined
    for (const key of ['session', 'versionLabel', 'status']) {
      if (custom[key] !== undefined && typeof custom[key] !== 'string') problem(`custom.${key}`, `custom.${key} must be text`)
    }
  }
  const kind = sourceKindOf({ type: String(item.type), custom: declared ? { caucusKind: declared } : undefined })
  const label = (variable: string) => cslLabel(kind, variable)

  for (const variable of TEXT_VARIABLES) {
    const text = item[variable]
    if (typeof text === 'number' && Number.isFinite(text)) item[variable] = String(text)
    else if (text !== undefined && typeof text !== 'string') problem(variable, `${label(variable)} must be text`)
  }
  if (typeof item.title !== 'string' || item.title.trim() === '') problem('title', `${label('title')} is required`)

  if (item.URL !== undefined) {
    const urlProblem = typeof item.URL === 'string' ? httpUrlProblem(label('URL'), item.URL) : `${label('URL')} must be text`
    if (urlProblem) problem('URL', urlProblem)
  }

  for (const variable of CSL_NAME_VARIABLES) {
    if (item[variable] === undefined) continue
    const names = item[variable]
    if (!Array.isArray(names)) {
      problem(variable, `${label(variable)} must be a list of names`)
      continue
    }
    names.forEach((name, index) => {
      const hasName = isRecord(name) && ['family', 'given', 'literal'].some((part) => typeof name[part] === 'string' && name[part] !== '')
      if (!hasName) problem(`${variable}.${index}`, `${label(variable)} ${index + 1} needs a family, given or literal name`)
    })
  }

  for (const variable of CSL_DATE_VARIABLES) {
    if (item[variable] === undefined) continue
    const parsed = parseCslDate(label(variable), item[variable])
    if (parsed.ok) item[variable] = parsed.date
    else problem(variable, parsed.problem)
  }

  if (issues.length > 0) return { ok: false, issues }
  const parsed = item as CslItem
  if (declared && options.checkKind !== false) {
    const strict = kindIssues(parsed, declared)
    if (strict.length > 0) return { ok: false, issues: strict }
  }
  return { ok: true, value: parsed }
}
