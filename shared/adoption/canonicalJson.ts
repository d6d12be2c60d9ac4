/**
 * JSON with one spelling per value: object keys sorted by UTF-16 code unit, no whitespace, every line break in a
 * string written as `\n`. Two equal values always give the same text, whoever wrote them and in what order, which
 * is what a content hash needs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value))
}

/** A copy of `value` with sorted keys and `\n` line endings (undefined fields dropped, as JSON.stringify would). */
function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return normalizeLineEndings(value)
  if (Array.isArray(value)) return value.map(canonicalValue)
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key]
      if (field !== undefined) sorted[key] = canonicalValue(field)
    }
    return sorted
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite')
  return value
}

/** CR LF and lone CR become LF. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
