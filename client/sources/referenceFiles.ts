/**
 * BibTeX and RIS files as CSL-JSON, through citation-js (loaded only when such a file is imported, so the
 * editor does not carry it). What comes out is checked like any CSL-JSON import, all or nothing; here we only
 * make sure no entry was silently lost on the way, since citation-js skips what it cannot read.
 */

export type ReferenceFormat = 'csl-json' | 'bibtex' | 'ris'

export const FORMAT_NAMES: Record<ReferenceFormat, string> = { 'csl-json': 'CSL JSON', bibtex: 'BibTeX', ris: 'RIS' }

/** The file's format, by its extension, else by how it starts (`@type{`, `TY  -`); CSL JSON otherwise. */
export function formatOf(fileName: string, text: string): ReferenceFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex'
  if (extension === 'ris') return 'ris'
  if (extension === 'json') return 'csl-json'
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('@')) return 'bibtex'
  if (/^TY {2}- /.test(start)) return 'ris'
  return 'csl-json'
}

/** BibTeX entries that are references (not `@string`, `@preamble` or `@comment`). */
const countBibtexEntries = (text: string) => [...text.matchAll(/(^|\n)\s*@\s*([A-Za-z]+)\s*[{(]/g)].filter(([, , type]) => !/^(string|preamble|comment)$/i.test(type!)).length
const countRisRecords = (text: string) => (text.match(/^TY {2}-/gm) ?? []).length

export type Converted = { ok: true; items: Record<string, unknown>[] } | { ok: false; problem: string }

/** The CSL-JSON items of a BibTeX or RIS file, or why the file cannot be read whole. */
export async function cslFromReferences(text: string, format: 'bibtex' | 'ris'): Promise<Converted> {
  const name = FORMAT_NAMES[format]
  let plugins: typeof import('@citation-js/core').plugins
  try {
    ;[{ plugins }] = await Promise.all([import('@citation-js/core'), import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-ris')])
  } catch {
    // A deploy since the page was loaded replaced the chunk, or the connection dropped.
    return { ok: false, problem: `The ${name} reader could not be loaded. Reload the page and try again.` }
  }
  const expected = format === 'bibtex' ? countBibtexEntries(text) : countRisRecords(text)
  if (expected === 0) return { ok: false, problem: `No ${name} entries were found in this file.` }
  let items: Record<string, unknown>[]
  try {
    items = plugins.input.chain(text, { forceType: format === 'bibtex' ? '@bibtex/text' : '@ris/file', generateGraph: false }) as Record<string, unknown>[]
  } catch (error) {
    return { ok: false, problem: `This ${name} file could not be read: ${error instanceof Error ? error.message : String(error)}.` }
  }
  if (!Array.isArray(items) || items.length !== expected) {
    const read = Array.isArray(items) ? items.length : 0
    return { ok: false, problem: `Only ${read} of the ${expected} ${name} entries in this file could be read, so nothing was imported. Check the file for a syntax error.` }
  }
  return { ok: true, items: items.map(tidy) }
}

/** What citation-js leaves that CSL readers do not expect, put the way Caucus reads it. */
function tidy(item: Record<string, unknown>): Record<string, unknown> {
  const tidied = { ...item }
  // RIS writes a date as "2019/04/02/" (year/month/day/other), which citation-js keeps as raw text.
  for (const key of ['issued', 'accessed']) {
    const date = tidied[key] as { raw?: unknown; 'date-parts'?: unknown } | undefined
    const match = typeof date?.raw === 'string' && !date['date-parts'] ? /^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?)?)?/.exec(date.raw.trim()) : null
    if (match) tidied[key] = { 'date-parts': [match.slice(1).filter(Boolean).map(Number)] }
  }
  // citation-js reads a RIS news item's authors as "reporter" text ("Rivera, Marisol"); they are its authors.
  if (tidied.type === 'article-newspaper' && tidied.author === undefined && tidied.reporter !== undefined) {
    const reporters = Array.isArray(tidied.reporter) ? tidied.reporter : [tidied.reporter]
    tidied.author = reporters.map((name) => (typeof name === 'string' ? nameFromText(name) : name))
    delete tidied.reporter
  }
  return tidied
}

/** RIS names are "Family, Given"; without a comma the name is kept whole (often an organisation). */
function nameFromText(text: string): { family: string; given?: string } | { literal: string } {
  const [family = '', ...given] = text.split(',').map((part) => part.trim())
  return given.length > 0 && family ? { family, ...(given.join(' ') ? { given: given.join(' ') } : {}) } : { literal: text.trim() }
}
