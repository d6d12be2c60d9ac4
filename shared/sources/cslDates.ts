import type { CslDate } from './cslTypes.js'
import { isRealDate, parseIsoDate, toIsoDate, type DateParts } from './dates.js'
import { isRecord } from './issues.js'

/**
 * Checking CSL date objects from outside (imports, other clients). Liberal in shape (numeric strings, ranges,
 * text-only dates: what Zotero and citeproc-js write), strict in meaning: a given day must exist.
 */

type Parsed = { ok: true; date: CslDate } | { ok: false; problem: string }

function partsOf(row: unknown): DateParts | undefined {
  if (!Array.isArray(row)) return undefined
  // citeproc-js pads missing parts with '' ("2017", "", ""); drop them.
  const numbers = row.filter((part) => part !== '' && part !== null).map((part) => (typeof part === 'string' ? Number(part.trim()) : part))
  if (numbers.length < 1 || numbers.length > 3 || !numbers.every((n) => typeof n === 'number' && Number.isInteger(n))) {
    return undefined
  }
  const [year, month, day] = numbers as number[]
  return { year: year as number, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) }
}

/** Checks and normalises one CSL date (numbers instead of numeric strings); the problem names the field. */
export function parseCslDate(label: string, value: unknown): Parsed {
  if (!isRecord(value)) return { ok: false, problem: `${label} must be a CSL date, like { "date-parts": [[2017, 3, 29]] }` }
  const date: Record<string, unknown> = { ...value }
  const rows = value['date-parts']
  if (rows !== undefined) {
    if (!Array.isArray(rows) || rows.length < 1 || rows.length > 2) {
      return { ok: false, problem: `${label}: date-parts must hold one date, or two for a range` }
    }
    const parsed: number[][] = []
    for (const row of rows) {
      const parts = partsOf(row)
      if (!parts) return { ok: false, problem: `${label}: date-parts must be [year, month, day] numbers` }
      if (!isRealDate(parts)) return { ok: false, problem: `${label}: ${toIsoDate(parts)} is not a real date` }
      parsed.push([parts.year, ...(parts.month ? [parts.month] : []), ...(parts.day ? [parts.day] : [])])
    }
    date['date-parts'] = parsed
  }
  for (const key of ['raw', 'literal'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') return { ok: false, problem: `${label}: ${key} must be text` }
  }
  // A raw date that looks like ISO must be a real one; any other raw or literal text ("Spring 2017") is kept as is.
  if (typeof value.raw === 'string') {
    const parts = parseIsoDate(value.raw)
    if (parts && !isRealDate(parts)) return { ok: false, problem: `${label}: ${value.raw.trim()} is not a real date` }
  }
  if (rows === undefined && value.raw === undefined && value.literal === undefined) {
    return { ok: false, problem: `${label} has no date-parts, raw or literal date` }
  }
  return { ok: true, date: date as CslDate }
}
