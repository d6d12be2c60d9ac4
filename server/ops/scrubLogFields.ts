/**
 * Field names that hold credentials, whatever their case or prefix (`password`, `newPassword`, `Authorization`,
 * `set-cookie`, `tokenHash`, `sessionId`, `credential`, …). Code should not log such fields at all: this is the net
 * under that rule, not the rule.
 */
const CREDENTIAL_FIELD = /passw|token|cookie|authori[sz]ation|secret|session|credential|api[-_]?key/i

export const REDACTED = '[redacted]'

/** Deeper than this, a value is summarised: log fields are flat by design, and a deep object is an accident. */
const MAX_DEPTH = 5
/** A longer string field is cut: a line is an event, not a place for a document or a request body. */
const MAX_STRING_LENGTH = 2_000

/**
 * What a log line's fields become before they are written: credential-named fields redacted at any depth,
 * errors reduced to message and stack (and their cause's), bytes (a Yjs update, a request body) replaced by
 * their length, long strings cut. Returns a copy; the caller's objects are left as they were.
 */
export function scrubLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    scrubbed[key] = CREDENTIAL_FIELD.test(key) ? REDACTED : key === 'err' ? scrubError(value, 0) : scrubValue(value, 0, new Set())
  }
  return scrubbed
}

/** An error as logged: its message and stack only (any other property may hold what it was given). */
export function scrubError(error: unknown, depth: number): Record<string, unknown> {
  if (!(error instanceof Error)) {
    // A thrown string says what went wrong; a thrown object or byte array might be anything, including content.
    return { message: typeof error === 'string' ? cut(error) : `a non-Error value was thrown (${describeType(error)})` }
  }
  const scrubbed: Record<string, unknown> = { message: cut(error.message), stack: error.stack }
  if (error.cause !== undefined && depth < MAX_DEPTH) scrubbed.cause = scrubError(error.cause, depth + 1)
  return scrubbed
}

function scrubValue(value: unknown, depth: number, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return cut(value)
  if (typeof value === 'function' || typeof value === 'symbol') return undefined
  if (typeof value === 'bigint') return value.toString()
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Error) return scrubError(value, depth)
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`
  if (depth >= MAX_DEPTH) return `[${describeType(value)}]`
  if (ancestors.has(value)) return '[circular]'
  ancestors.add(value)
  try {
    if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, ancestors))
    const scrubbed: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      scrubbed[key] = CREDENTIAL_FIELD.test(key) ? REDACTED : scrubValue(item, depth + 1, ancestors)
    }
    return scrubbed
  } finally {
    ancestors.delete(value)
  }
}

const cut = (text: string): string => (text.length > MAX_STRING_LENGTH ? `${text.slice(0, MAX_STRING_LENGTH)}… (${text.length} characters)` : text)

const describeType = (value: unknown): string =>
  value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value
