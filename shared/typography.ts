/**
 * Typographic quotes, the way a careful editor sets them. Sources keep what was typed; these functions are
 * applied when a source is shown (notes, popovers, the sidebar, the server page), and the editor's input rule
 * uses the same choice of quote for what is typed. Curly quotes already there are left alone.
 */

/** Characters after which a quote opens rather than closes. */
const OPENS_AFTER = /[\s([{<“‘\-–—/]/

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * The curly form of one straight quote, from the characters around it (`before`/`after` are '' at an edge):
 * an apostrophe between letters (O’Brien, don’t) or before a decade ('90s), otherwise opening after a space,
 * a bracket or the start, closing elsewhere.
 */
export function curlyQuote(quote: '"' | "'", before: string, after: string): string {
  const opens = before === '' || OPENS_AFTER.test(before)
  if (quote === '"') return opens ? '“' : '”'
  if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) return '’'
  if (opens && /^\d\ds?\b/.test(after)) return '’'
  return opens ? '‘' : '’'
}

/** Straight quotes and apostrophes made curly: `O'Brien's "Good" plan` → `O’Brien’s “Good” plan`. */
export function curlyQuotes(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!
    // `before` is what was already written, so a quote after a quote ("'…) sees the curly one.
    out += char === '"' || char === "'" ? curlyQuote(char, out.slice(-1), text.slice(i + 1, i + 4)) : char
  }
  return out
}

/**
 * The positions of ’ that close a ‘ (not apostrophes): a ’ between letters is always an apostrophe
 * (“don’t”), and one with no ‘ open is too (“the workers’ union”).
 */
function closingSingles(text: string): Set<number> {
  const closing = new Set<number>()
  let open = 0
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '‘') open += 1
    else if (text[i] === '’' && open > 0 && !(LETTER_OR_DIGIT.test(text[i - 1] ?? '') && LETTER_OR_DIGIT.test(text[i + 1] ?? ''))) {
      closing.add(i)
      open -= 1
    }
  }
  return closing
}

/**
 * Quotes inside a title that is itself put in quotation marks: double become single and single become double
 * (apostrophes stay). Expects curly quotes (see `curlyQuotes`).
 */
export function flipInnerQuotes(title: string): string {
  const closing = closingSingles(title)
  const flip: Record<string, string> = { '“': '‘', '”': '’', '‘': '“' }
  return Array.from(title, (char, i) => (char === '’' ? (closing.has(i) ? '”' : '’') : (flip[char] ?? char))).join('')
}

/** How many closing quotation marks the text ends with (a final apostrophe, as in “workers’”, is not one). */
function trailingClosers(text: string): number {
  const closing = closingSingles(text)
  let count = 0
  while (count < text.length) {
    const at = text.length - 1 - count
    if (text[at] === '”' || (text[at] === '’' && closing.has(at))) count += 1
    else break
  }
  return count
}

/** The text without its closing quotation marks, so one can see how the words themselves end. */
export function withoutClosingQuotes(text: string): string {
  return text.slice(0, text.length - trailingClosers(text))
}

/**
 * Appends a comma or period the American way: inside any closing quotation marks the text ends with
 * (“… ‘Bad’” + ',' → “… ‘Bad,’”).
 */
export function punctuateInside(text: string, mark: string): string {
  const at = text.length - trailingClosers(text)
  return text.slice(0, at) + mark + text.slice(at)
}

/**
 * A span of years with an en dash, whatever was typed: "2017-2018", "2017-18", "2017 - 2018" → "2017–2018".
 * A two-digit end year is written in full, so every session reads the same.
 */
export function yearSpans(text: string): string {
  return text.replace(/\b(\d{4})\s*[-–—]\s*(\d{4}|\d{2})\b/g, (_match, first: string, end: string) => {
    if (end.length === 4) return `${first}–${end}`
    let last = Number(first.slice(0, 2) + end)
    if (last < Number(first)) last += 100
    return `${first}–${last}`
  })
}

/** A URL or a bare web address: its quotes are part of it. */
const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi

/** `curlyQuotes` for free text that may contain URLs (pasted text): the URLs are left exactly as they are. */
export function curlyQuotesExceptUrls(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(URL_LIKE)) {
    out += curlyQuotes(text.slice(last, match.index)) + match[0]
    last = match.index + match[0].length
  }
  return out + curlyQuotes(text.slice(last))
}

/** Whether the text ends inside a URL or web address, where a typed quote must stay straight. */
export function endsInUrl(text: string): boolean {
  return /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$/i.test(text)
}
