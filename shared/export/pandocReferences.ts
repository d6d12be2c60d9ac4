import { sourceKindOf, type CslItem } from '../sources/cslTypes.js'
import { billVariables } from './billReference.js'
import { curlyQuotes } from '../typography.js'
import { escapePandocMetadata } from './escape.js'

/**
 * Pandoc style: sources as CSL-JSON in the front matter, under citation keys pandoc can read, so
 * `pandoc --citeproc` renders the statement in any CSL style.
 */

// Pandoc's bare key: starts with a letter, digit or _, then alphanumerics, _ and single internal punctuation.
const BARE_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u
// Inside `@{…}` anything goes but braces and whitespace.
const BRACED_KEY = /^[^{}\s\p{Cc}]+$/u

/**
 * The citation key of each source: its id when pandoc can read it (bare, else in braces), else a stand-in
 * (`caucus-ref-1`, …) that no other source uses.
 */
export function pandocKeys(items: readonly CslItem[]): Map<string, string> {
  const taken = new Set(items.map((item) => item.id))
  const keys = new Map<string, string>()
  let counter = 0
  for (const item of items) {
    if (BARE_KEY.test(item.id) || BRACED_KEY.test(item.id)) {
      keys.set(item.id, item.id)
      continue
    }
    let standIn: string
    do standIn = `caucus-ref-${++counter}`
    while (taken.has(standIn))
    taken.add(standIn)
    keys.set(item.id, standIn)
  }
  return keys
}

/** `@key` or `@{key}`, as pandoc reads it. */
export function citationKey(key: string): string {
  return BARE_KEY.test(key) ? `@${key}` : `@{${key}}`
}

/** Pandoc reads every metadata string as markdown: escape all of them (but the CSL type, a fixed word). */
function escapeStrings(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key === 'type' ? value : escapePandocMetadata(value)
  if (Array.isArray(value)) return value.map((inner) => escapeStrings(inner))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([innerKey, inner]) => [innerKey, escapeStrings(inner, innerKey)]))
  }
  return value
}

// Variables whose text is an identifier or an address: never set typographically.
const LITERAL_VARIABLES = new Set(['id', 'type', 'URL', 'DOI', 'ISBN', 'ISSN', 'PMID', 'PMCID', 'language'])

/**
 * Sources keep what was typed; what pandoc prints is set typographically, as our notes are: straight quotes and
 * apostrophes become curly ones. Curly quotes are what citeproc flips inside a quoted title (“… ‘Good’ …,”); it
 * leaves straight ones as they are, and escaped ones are not made curly by pandoc either.
 */
function typographic(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && LITERAL_VARIABLES.has(key) ? value : curlyQuotes(value)
  if (Array.isArray(value)) return value.map((inner) => typographic(inner))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([innerKey, inner]) => [innerKey, typographic(inner, innerKey)]))
  }
  return value
}

/**
 * A source as pandoc should read it: our `custom` fields left out (pandoc has no use for them), and for a bill
 * version its session and version in variables CSL styles print (billReference.ts).
 */
export function pandocReference(item: CslItem, key: string): Record<string, unknown> {
  const { custom: _custom, id: _id, ...csl } = item
  // The key first: each entry of the YAML starts with what the citations name.
  const reference: Record<string, unknown> = { id: key, ...csl }
  if (sourceKindOf(item) === 'billVersion') {
    // An imported bill's own values (Zotero's `genre`, say) win over ours.
    for (const [variable, value] of Object.entries(billVariables(item))) reference[variable] ??= value
  }
  return escapeStrings(typographic(reference)) as Record<string, unknown>
}
