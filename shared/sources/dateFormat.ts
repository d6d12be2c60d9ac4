import type { CslDate } from './cslTypes.js'
import { cslDateParts, type DateParts } from './dates.js'

/** How dates read in labels: 'short' as legal citations abbreviate them ("Mar. 29, 2017"), 'long' in full. */
export type DateStyle = 'short' | 'long'

// "Sept." and the unabbreviated May/June/July follow legal-citation usage.
const SHORT_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']
const LONG_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]

/** "Mar. 29, 2017", "Mar. 2017" or "2017" (long: "March 29, 2017"). */
export function formatDateParts(parts: DateParts, style: DateStyle): string {
  const month = parts.month ? (style === 'short' ? SHORT_MONTHS : LONG_MONTHS)[parts.month - 1] : undefined
  if (!month) return String(parts.year)
  return parts.day ? `${month} ${parts.day}, ${parts.year}` : `${month} ${parts.year}`
}

/** A CSL date for people; a text-only date is shown as written; undefined when there is no date. */
export function formatCslDate(date: CslDate | undefined, style: DateStyle): string | undefined {
  const parts = cslDateParts(date)
  if (parts) return formatDateParts(parts, style)
  return date?.literal ?? date?.raw
}

/** The year of a CSL date, when it has date-parts. */
export function yearOf(date: CslDate | undefined): number | undefined {
  return cslDateParts(date)?.year
}
