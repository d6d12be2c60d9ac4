import type { CslItem } from './cslTypes.js'
import { formatCslDate, yearOf } from './dateFormat.js'
import { yearSpans } from '../typography.js'
import { abbreviateJurisdiction } from './jurisdictions.js'
import { parseVersionLabel } from './versionLabels.js'

/**
 * How a bill version reads. Inline labels name the bill and the version compactly:
 *   Introduced           → "SB 54 (introduced Dec. 5, 2016)"
 *   Amended in Senate    → "SB 54 (am. Senate, Mar. 29, 2017)"
 *   Passed Assembly      → "SB 54 (passed Assembly, Sept. 15, 2017)"
 *   Enrolled, Engrossed  → "SB 54 (enrolled Sept. 16, 2017)"
 *   with a chapter number (once chaptered) → "SB 54 (ch. 495, 2017)": the chapter and year identify the
 *     enacted text; "Stats." is left out because it is California's name for its session laws
 *   free text ("Vetoed")  → "SB 54 (Vetoed, Oct. 1, 2017)"
 * Full references are in `notes.ts` (legal-citation order, the date in full):
 *   "SB 54, <title>, 2017–2018 Reg. Sess. (Cal.), as amended in Senate, March 29, 2017, <URL>".
 */

/** What goes in the parentheses of a bill's inline label. */
function versionInline(item: CslItem): string {
  const chapter = item['chapter-number']
  const year = yearOf(item.issued)
  if (chapter) return [`ch. ${chapter}`, year].filter(Boolean).join(', ')
  const date = formatCslDate(item.issued, 'short')
  const label = item.custom?.versionLabel?.trim()
  const parts = parseVersionLabel(label)
  if (!parts) return [label, date].filter(Boolean).join(', ')
  if (parts.body) return [`${parts.verb === 'amended in' ? 'am.' : parts.verb} ${parts.body}`, date].filter(Boolean).join(', ')
  return [parts.verb, date].filter(Boolean).join(' ')
}

/** "SB 54 (am. Senate, Mar. 29, 2017)"; the title when the item has no bill number. */
export function billInlineLabel(item: CslItem): string {
  const number = item.number?.trim()
  if (!number) return item.title ?? 'Untitled bill'
  const version = versionInline(item)
  return version ? `${number} (${version})` : number
}

/** "as amended in Senate", "as passed by Assembly", "as introduced"; free text as written. */
export function versionPhrase(label: string | undefined): string | undefined {
  const parts = parseVersionLabel(label)
  if (!parts) return label?.trim() || undefined
  if (parts.verb === 'passed') return `as passed by ${parts.body}`
  return parts.body ? `as ${parts.verb} ${parts.body}` : `as ${parts.verb}`
}

/**
 * "2017–2018 Reg. Sess." for a bare span of years; any other session as entered, but always with an en dash
 * between its years ("2017-18 1st Ex. Sess." → "2017–2018 1st Ex. Sess.").
 */
export function sessionText(session: string | undefined): string | undefined {
  const text = session?.trim() && yearSpans(session.trim())
  if (!text) return undefined
  return /^\d{4}(\s*[-–—]\s*\d{2,4})?$/.test(text) ? `${text} Reg. Sess.` : text
}
