import { KIND_CSL_TYPES, sourceKindOf, type CslDate, type CslItem, type CslName } from './cslTypes.js'
import { cslDateToIso, isoToCslDate } from './dates.js'
import { fieldsOf, type FieldInfo } from './fields.js'
import { deepEqual, getPath, setPath, toPlain } from './plainData.js'
import { newSourceId } from './sourceIds.js'
import type { PersonInput, SourceInput } from './sourceInput.js'

/**
 * Form input ⇄ CSL item. Both directions are driven by the field tables in `fields.ts`, so a field added there
 * is converted, validated and labelled in one place.
 */

/** Where CSL keeps what we write, in the order an exported item reads best. */
const KEY_ORDER = [
  'id', 'type', 'title', 'author', 'container-title', 'section', 'publisher', 'number', 'authority', 'jurisdiction',
  'chapter-number', 'issued', 'accessed', 'URL',
]

function personToCsl(person: PersonInput): CslName {
  return 'literal' in person ? { literal: person.literal } : { family: person.family, ...(person.given ? { given: person.given } : {}) }
}

/** A CSL name as a form shows it: particles folded into the names ("van Gogh"); a lone given name is a literal. */
export function personFromCsl(name: CslName): PersonInput {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ')
  if (name.literal) return { literal: name.literal }
  if (!family) return { literal: given }
  return given ? { family, given } : { family }
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return typeof value === 'number' ? String(value) : undefined
}

function encode(info: FieldInfo, value: unknown): unknown {
  if (info.format === 'names') return (value as PersonInput[]).map(personToCsl)
  if (info.format === 'date') return isoToCslDate(value as string)
  return value
}

function decode(info: FieldInfo, raw: unknown): unknown {
  if (info.format === 'names') return Array.isArray(raw) ? (raw as CslName[]).map(personFromCsl) : []
  if (info.format === 'date') return cslDateToIso(raw as CslDate | undefined) ?? (info.required ? '' : undefined)
  return textOf(raw) ?? (info.required ? '' : undefined)
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

/** The form input for a CSL item, by its kind (declared, or inferred from its type; else 'other'). */
export function fromCsl(item: CslItem): SourceInput {
  const kind = sourceKindOf(item)
  const input: Record<string, unknown> = { kind, id: item.id }
  for (const [key, info] of Object.entries(fieldsOf(kind))) {
    const value = decode(info, getPath(item, info.csl))
    if (value !== undefined) input[key] = value
  }
  return input as unknown as SourceInput
}

/**
 * The CSL item for validated form input. Given `base` (the item being edited), everything the form does not
 * manage is kept (DOI, notes, other tools' `custom` keys), and a field the form left as it showed it keeps
 * its stored value exactly (a date range, a name suffix), so editing one field never rewrites the others.
 */
export function toCsl(input: SourceInput, base?: CslItem): CslItem {
  const fields = fieldsOf(input.kind)
  const draft: Record<string, unknown> = toPlain({ ...base })
  const baseKind = base ? sourceKindOf(base) : undefined
  // Clear what the form manages (and what the item's previous kind managed, if the kind changed).
  for (const info of [...Object.values(fields), ...(baseKind ? Object.values(fieldsOf(baseKind)) : [])]) {
    setPath(draft, info.csl, undefined)
  }
  const shown = base && baseKind === input.kind ? (fromCsl(base) as unknown as Record<string, unknown>) : undefined
  const values = input as unknown as Record<string, unknown>
  for (const [key, info] of Object.entries(fields)) {
    const value = values[key]
    if (isEmpty(value)) continue
    const unchanged = base && shown && deepEqual(shown[key], value)
    setPath(draft, info.csl, unchanged ? toPlain(getPath(base, info.csl)) : encode(info, value))
  }
  if (input.kind === 'other') {
    setPath(draft, 'custom.caucusKind', undefined)
  } else {
    const allowed = KIND_CSL_TYPES[input.kind]
    draft.type = typeof base?.type === 'string' && allowed.includes(base.type) ? base.type : allowed[0]
    setPath(draft, 'custom.caucusKind', input.kind)
  }
  draft.id = input.id ?? base?.id ?? newSourceId()
  return ordered(draft) as CslItem
}

/** Our keys first in reading order, then the rest as they were, `custom` last. */
function ordered(record: Record<string, unknown>): Record<string, unknown> {
  const keys = [...KEY_ORDER.filter((key) => key in record), ...Object.keys(record).filter((key) => !KEY_ORDER.includes(key))]
  const sorted = keys.filter((key) => key !== 'custom').concat('custom' in record ? ['custom'] : [])
  return Object.fromEntries(sorted.map((key) => [key, record[key]]))
}
