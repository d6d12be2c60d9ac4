import { parseCslItem } from './cslItem.js'
import type { CslItem } from './cslTypes.js'
import { isRecord, type SourceIssue } from './issues.js'
import { newSourceId } from './sourceIds.js'

/** Most items one import may hold; a statement's sources number in the tens. */
export const MAX_IMPORT_ITEMS = 1000

/** Why one item of an import was refused. `index` counts from 0, as in the array. */
export interface ImportItemError {
  index: number
  /** The item's own id, when it had one. */
  id?: string
  issues: SourceIssue[]
}

/** All the items, ready to store; or why nothing may be imported. */
export type ImportResult =
  | { ok: true; items: CslItem[] }
  | { ok: false; message: string; errors: ImportItemError[] }

function refused(message: string, errors: ImportItemError[] = []): ImportResult {
  return { ok: false, message, errors }
}

/**
 * Validates a CSL-JSON array (e.g. exported from Zotero) for import, all or nothing: either every item is
 * valid and they are returned (items without an id get a fresh one), or every invalid item is reported.
 * Items of any CSL type are accepted if they have a title; items declaring a Caucus kind must satisfy it.
 * Ids are kept as given: whether an id that already exists in the document replaces or duplicates that
 * source is the caller's decision.
 */
export function validateCslImport(value: unknown): ImportResult {
  if (!Array.isArray(value)) return refused('A CSL-JSON import must be an array of items')
  if (value.length > MAX_IMPORT_ITEMS) {
    return refused(`An import may hold at most ${MAX_IMPORT_ITEMS} items; this one has ${value.length}`)
  }
  const items: CslItem[] = []
  const errors: ImportItemError[] = []
  const firstIndexOfId = new Map<string, number>()
  value.forEach((raw: unknown, index) => {
    const ownId = isRecord(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : undefined
    const withId = isRecord(raw) && (ownId === undefined || ownId.trim() === '') ? { ...raw, id: newSourceId() } : raw
    const checked = parseCslItem(withId)
    const issues = checked.ok ? [] : [...checked.issues]
    if (checked.ok) {
      const earlier = firstIndexOfId.get(checked.value.id)
      if (earlier === undefined) firstIndexOfId.set(checked.value.id, index)
      else issues.push({ path: 'id', message: `Id "${checked.value.id}" is already used by item ${earlier + 1}` })
      items.push(checked.value)
    }
    if (issues.length > 0) errors.push({ index, ...(ownId ? { id: ownId } : {}), issues })
  })
  if (errors.length > 0) {
    const count = errors.length === 1 ? `Item ${errors[0]!.index + 1} is` : `${errors.length} items are`
    return refused(`${count} not valid, so nothing was imported`, errors)
  }
  return { ok: true, items }
}
