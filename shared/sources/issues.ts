import type * as z from 'zod'

/** One problem with a source: a dotted path ('url', 'authors.0.family', 'custom.session') and a sentence. */
export interface SourceIssue {
  path: string
  message: string
}

/** Either the validated value or every problem found, each naming its field. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: SourceIssue[] }

/** A failed check with one issue. */
export function failure<T>(path: string, message: string): Checked<T> {
  return { ok: false, issues: [{ path, message }] }
}

/** Turns zod's result into ours (the same `{ path, message }` shape the HTTP API returns). */
export function fromZod<T>(result: z.ZodSafeParseResult<T>): Checked<T> {
  if (result.success) return { ok: true, value: result.data }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  }
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
