import { escapeText, type Dialect } from '../export/escape.js'
import { formatDateParts } from '../sources/dateFormat.js'
import { shortHash } from './shortHash.js'

export const ADOPTION_HEADING = 'Adoption'

export interface AdoptionNoteInput {
  versionNumber: number
  versionName: string
  /** Milliseconds since the epoch; written as its UTC date, so the note reads the same in every time zone. */
  adoptedAt: number
  approvals: readonly { name: string; votedAt: number }[]
  contentHash: string
}

/** "December 5, 2026" for a moment, in UTC. */
export function utcDate(ms: number): string {
  const date = new Date(ms)
  return formatDateParts({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, 'long')
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/**
 * The adoption note an export of an adopted version ends with (markdown, everything typed by people escaped):
 * the version's number and name, the date it was adopted, who approved it and when, and the short content hash.
 * Built from stored facts only, never the clock, so every export of the version is the same to the byte.
 */
export function adoptionNote(input: AdoptionNoteInput, dialect: Dialect = 'gfm'): string {
  const text = (value: string) => escapeText(value, { dialect })
  const approvals = input.approvals.map((approval) => `${text(approval.name)} (${utcDate(approval.votedAt)})`)
  const sentence =
    `Version ${input.versionNumber}, “${text(input.versionName)}”, was adopted on ${utcDate(input.adoptedAt)}, with the approval of ` +
    `${listOf(approvals)}. Content hash (SHA-256, first ${shortHash(input.contentHash).length} digits): \`${shortHash(input.contentHash)}\`.`
  return `## ${ADOPTION_HEADING}\n\n${sentence}`
}
