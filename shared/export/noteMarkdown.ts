import { isSafeLinkUrl } from '../safeUrl.js'
import type { NoteText } from '../sources/notes.js'
import { escapeText, type Dialect } from './escape.js'

/** A URL as an autolink `<…>` (clickable everywhere, taken literally); as escaped text when it cannot be one. */
function urlMarkdown(url: string, dialect: Dialect, lineStart: boolean): string {
  if (isSafeLinkUrl(url) && !/[\s<>\u0000-\u001f\u007f]/.test(url)) return `<${url}>`
  return escapeText(url, { dialect, lineStart })
}

/**
 * A note (or Further Reading entry) as one line of markdown: plain runs escaped, italic runs in `*…*`, URLs
 * as autolinks. It always starts a block (a footnote definition's or a paragraph's), so line-start syntax
 * is escaped.
 */
export function noteToMarkdown(note: NoteText, dialect: Dialect): string {
  let out = ''
  for (const run of note) {
    const text = run.text.replace(/\s+/g, ' ')
    const lineStart = out === ''
    if (run.style === 'url') out += urlMarkdown(text.trim(), dialect, lineStart)
    else if (run.style === 'italic') out += `*${escapeText(text.trim(), { dialect })}*`
    else out += escapeText(lineStart ? text.trimStart() : text, { dialect, lineStart })
  }
  return out
}
