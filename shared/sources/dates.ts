import type { CslDate } from './cslTypes.js'

/**
 * Dates travel through forms as ISO strings ('2017', '2017-03', '2017-03-29') and are stored as CSL date
 * objects (`{ 'date-parts': [[2017, 3, 29]] }`). Partial dates are real: a report may only say "March 2017".
 */

/** A calendar date, possibly without day or month. */
export interface DateParts {
  year: number
  month?: number
  day?: number
}

const ISO_DATE = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Number of days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True when the parts name a day (or month, or year) that exists. */
export function isRealDate(parts: DateParts): boolean {
  const { year, month, day } = parts
  if (!Number.isInteger(year)) return false
  if (month === undefined) return day === undefined
  if (!Number.isInteger(month) || month < 1 || month > 12) return false
  if (day === undefined) return true
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
}

/** Parses an ISO date string ('2017', '2017-03', '2017-03-29'); undefined when it has another shape. */
export function parseIsoDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text.trim())
  if (!match) return undefined
  const [, year, month, day] = match
  return {
    year: Number(year),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(day === undefined ? {} : { day: Number(day) }),
  }
}

/** The parts as an ISO string, zero-padded ('2017-03-09'). */
export function toIsoDate(parts: DateParts): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  let text = String(parts.year).padStart(4, '0')
  if (parts.month !== undefined) text += `-${pad(parts.month)}`
  if (parts.month !== undefined && parts.day !== undefined) text += `-${pad(parts.day)}`
  return text
}

/**
 * What is wrong with a date a person typed, as a sentence naming the field; undefined when it is fine.
 * `full` demands a day (a bill version always has one, and versions are ordered by it).
 */
export function isoDateProblem(label: string, text: string, options: { full?: boolean } = {}): string | undefined {
  const parts = parseIsoDate(text)
  if (!parts) return `${label} must be a date like 2017-03-29${options.full ? '' : ' (or 2017-03, or 2017)'}`
  if (!isRealDate(parts)) return `${label}: ${text.trim()} is not a real date`
  if (options.full && parts.day === undefined) return `${label} must be a full date like 2017-03-29`
  return undefined
}

/** The CSL date object for an ISO date string (assumed valid). */
export function isoToCslDate(text: string): CslDate {
  const parts = parseIsoDate(text)
  if (!parts) return { literal: text }
  return { 'date-parts': [[parts.year, ...(parts.month ? [parts.month] : []), ...(parts.day ? [parts.day] : [])]] }
}

/** The first date of a CSL date as parts; undefined for text-only dates or malformed parts. */
export function cslDateParts(date: CslDate | undefined): DateParts | undefined {
  const first = date?.['date-parts']?.[0]
  if (!first || first.length === 0) return undefined
  const [year, month, day] = first.map(Number)
  if (year === undefined) return undefined
  const parts: DateParts = { year, ...(month ? { month } : {}), ...(month && day ? { day } : {}) }
  return isRealDate(parts) ? parts : undefined
}

/** A CSL date as an ISO string for a form; falls back to its raw or literal text. */
export function cslDateToIso(date: CslDate | undefined): string | undefined {
  const parts = cslDateParts(date)
  if (parts) return toIsoDate(parts)
  return date?.raw ?? date?.literal
}

/** Orders dates chronologically; a missing month or day sorts before any given one. */
export function compareDateParts(a: DateParts, b: DateParts): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0)
}
