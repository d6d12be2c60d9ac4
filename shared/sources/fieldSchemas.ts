import * as z from 'zod'
import { isoDateProblem } from './dates.js'
import type { PersonInput } from './sourceInput.js'
import { httpUrlProblem } from './urls.js'
import { isRecord } from './issues.js'

/** Longest text field we keep; a title or outlet name is far shorter. */
export const MAX_TEXT_LENGTH = 1000
/** Most authors one source may list. */
export const MAX_AUTHORS = 100

/** A string that must be filled in; blank counts as missing. */
function filledIn(label: string) {
  return z
    .string({ error: (issue) => (issue.input == null ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, { error: `${label} is required`, abort: true })
}

/** Adds a check whose failure is a sentence (the same sentences forms show while typing). */
function checkedBy(schema: z.ZodString, problemOf: (value: string) => string | undefined) {
  return schema.superRefine((value, ctx) => {
    const problem = problemOf(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}

/** Text a person must fill in. */
export function requiredText(label: string) {
  return filledIn(label).max(MAX_TEXT_LENGTH, { error: `${label} must be at most ${MAX_TEXT_LENGTH} characters` })
}

/** An absolute http(s) URL. */
export function urlField(label: string) {
  return checkedBy(filledIn(label), (value) => httpUrlProblem(label, value))
}

/** A real ISO date; `full` demands a day. */
export function dateField(label: string, options: { full?: boolean } = {}) {
  return checkedBy(filledIn(label), (value) => isoDateProblem(label, value, options))
}

function blankToUndefined(value: unknown): unknown {
  return value == null || (typeof value === 'string' && value.trim() === '') ? undefined : value
}

/** Makes a field optional the way forms mean it: blank, null and absent all become undefined. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional())
}

/** Text a person may leave blank. */
export function optionalText(label: string) {
  return optional(requiredText(label))
}

function trimmedString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/**
 * The author list of a form. Rows left entirely blank are dropped (forms keep an empty row to type into);
 * issue paths keep the row's index so a form can point at it.
 */
export function authorsField(options: { min: number }) {
  return z
    .array(z.unknown(), { error: 'Authors must be a list' })
    .max(MAX_AUTHORS, { error: `At most ${MAX_AUTHORS} authors` })
    .nullish()
    .transform((rows, ctx): PersonInput[] => {
      const people: PersonInput[] = []
      let rowProblems = 0
      for (const [index, row] of (rows ?? []).entries()) {
        const where = `Author ${index + 1}`
        if (!isRecord(row)) {
          rowProblems++
          ctx.addIssue({ code: 'custom', path: [index], message: `${where} must be a name` })
          continue
        }
        const [family, given, literal] = [trimmedString(row.family), trimmedString(row.given), trimmedString(row.literal)]
        if (literal && (family || given)) {
          rowProblems++
          ctx.addIssue({ code: 'custom', path: [index, 'literal'], message: `${where}: give a person's name or an organisation's, not both` })
        } else if (literal) {
          people.push({ literal })
        } else if (family) {
          people.push(given ? { family, given } : { family })
        } else if (given) {
          rowProblems++
          ctx.addIssue({ code: 'custom', path: [index, 'family'], message: `${where}: family name is required` })
        }
      }
      if (rowProblems === 0 && people.length < options.min) ctx.addIssue({ code: 'custom', message: 'At least one author is required' })
      return people
    })
}
