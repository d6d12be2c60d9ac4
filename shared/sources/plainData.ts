/** Helpers for the JSON-shaped data sources are made of. */

/** Structural equality of JSON-like values, ignoring key order (and keys whose value is undefined). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => deepEqual(value, b[index]))
  }
  const left = definedEntries(a as Record<string, unknown>)
  const right = b as Record<string, unknown>
  return left.length === definedEntries(right).length && left.every(([key, value]) => deepEqual(value, right[key]))
}

function definedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined)
}

/** A deep copy with undefined values dropped, as JSON (and Yjs) would store it. */
export function toPlain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

/** The value at a dotted path of at most two segments ('title', 'custom.session'). */
export function getPath(record: Record<string, unknown>, path: string): unknown {
  const [head = '', child] = path.split('.')
  const value = record[head]
  if (child === undefined) return value
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[child] : undefined
}

/** Sets (or, with undefined, removes) the value at a dotted path, creating the parent object as needed. */
export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const [head = '', child] = path.split('.')
  if (child === undefined) {
    if (value === undefined) delete record[head]
    else record[head] = value
    return
  }
  const parent = record[head]
  if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
    const copy = { ...(parent as Record<string, unknown>) }
    if (value === undefined) delete copy[child]
    else copy[child] = value
    if (Object.keys(copy).length === 0) delete record[head]
    else record[head] = copy
  } else if (value !== undefined) {
    record[head] = { [child]: value }
  }
}
