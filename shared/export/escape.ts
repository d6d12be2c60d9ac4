import { PANDOC_ABBREVIATIONS } from './pandocAbbreviations.js'

/**
 * Escaping for exported markdown: what an author typed must stay text in every CommonMark + GFM renderer
 * (GitHub, markdown-it, static-site generators) and, for the pandoc style, in pandoc's own markdown.
 *
 * Backslash escapes work for every ASCII punctuation character in both. Where a backslash cannot help
 * (leading whitespace, which parsers strip or read as an indented code block; a letter right after a
 * closing `**` that ends in punctuation) the character is written as a numeric entity, which every
 * renderer decodes back to the same character.
 */

/** Which markdown reads the export: GitHub-flavoured CommonMark, or pandoc's markdown (more syntax). */
export type Dialect = 'gfm' | 'pandoc'

// Always special inline: emphasis, code, strikethrough (GitHub also takes a single ~), links, raw HTML
// and autolinks, table cells, backslashes themselves, and $ (GitHub and pandoc render $…$ as math).
const GFM_INLINE = /[\\`*~[\]<|$]/g
// Pandoc adds citations (@), superscript (^), attributes ({}), and smart punctuation: straight quotes turn
// curly, `--` into dashes and `...` into an ellipsis unless escaped.
const PANDOC_INLINE = /[\\`*~[\]<|$@^{}"']|-(?=-)|\.(?=\.)/g
// A word that may be one of pandoc's abbreviations (pandocAbbreviations.ts), before a space or the end.
const ABBREVIATION = /(?<![\p{L}\p{N}.\\])[A-Za-z][A-Za-z.]*\.(?=\s|$)/gu
// `&` starts an entity only when it looks like one.
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g

// Block syntax that only counts at the start of a line: headings, quotes, list markers, setext underlines,
// ordered-list numbers. Pandoc also reads `:` (definition lists), `%` (title block) and letter or roman
// numeral lists ("a.", "iv)", "(b)").
const GFM_LINE_START = /^(?:[#>+=-]|\d{1,9}(?=[.)]))/
const PANDOC_LINE_START = /^(?:[#>+=:%-]|\d{1,9}(?=[.)])|(?:[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)(?=[.)])|\((?=[A-Za-z0-9#]+\)))/

/** True for characters CommonMark counts as punctuation (Unicode P and S categories). */
export function isPunctuation(char: string): boolean {
  return /^[\p{P}\p{S}]/u.test(char)
}

/** True for characters that are neither whitespace nor punctuation ("word" characters for flanking). */
export function isWordCharacter(char: string): boolean {
  return char !== '' && !/^\s/u.test(char) && !isPunctuation(char)
}

/** A character as a decimal numeric entity: same text once rendered, but inert as syntax. */
export function asEntity(char: string): string {
  return `&#${char.codePointAt(0)};`
}

function escapeLineStart(text: string, dialect: Dialect): string {
  // Leading spaces are stripped by parsers, and four of them make an indented code block.
  if (/^[ \t]/.test(text)) return asEntity(text[0]!) + text.slice(1)
  const pattern = dialect === 'pandoc' ? PANDOC_LINE_START : GFM_LINE_START
  const match = pattern.exec(text)
  if (!match) return text
  // An ordered-list number or a pandoc letter list: escape the punctuation after it, not the digits.
  if (/^[A-Za-z0-9]/.test(match[0])) return `${match[0]}\\${text.slice(match[0].length)}`
  return `\\${text}`
}

/**
 * Escapes a run of inline text. `lineStart`: the text begins a line, where block syntax (`# `, `> `, `- `,
 * `1. `…) would be read. Line breaks are not expected here: the exporter turns them into hard breaks.
 */
export function escapeText(text: string, options: { lineStart?: boolean; dialect?: Dialect } = {}): string {
  const dialect = options.dialect ?? 'gfm'
  let escaped = text
    .replace(dialect === 'pandoc' ? PANDOC_INLINE : GFM_INLINE, '\\$&')
    // An underscore inside a word cannot start or end emphasis; elsewhere it can.
    .replace(/_/g, (underscore, index: number, whole: string) =>
      index > 0 && isWordCharacter(whole[index - 1]!) && isWordCharacter(whole[index + 1] ?? '') ? underscore : '\\_',
    )
    .replace(ENTITY_START, '\\&')
  if (dialect === 'pandoc') escaped = escaped.replace(ABBREVIATION, (word: string) => (PANDOC_ABBREVIATIONS.has(word) ? `${word.slice(0, -1)}\\.` : word))
  if (options.lineStart) escaped = escapeLineStart(escaped, dialect)
  return escaped
}

/**
 * A link destination: bare when it is a plain URL, else in `<…>` (spaces, parentheses, angle brackets).
 * Backslashes and entity-like `&` are escaped so the target is read exactly as stored; line breaks and other
 * controls, which neither form allows, are percent-encoded.
 */
export function escapeLinkDestination(url: string): string {
  const clean = url
    .replace(/[\u0000-\u001f\u007f]/g, (char) => encodeURIComponent(char))
    .replace(/\\/g, '\\\\')
    .replace(ENTITY_START, '\\&')
  if (!/[\s()<>]/.test(clean) && clean !== '') return clean
  return `<${clean.replace(/[<>]/g, '\\$&')}>`
}

/** A link title in double quotes, its quotes, backslashes and entity-like `&` escaped. */
export function escapeLinkTitle(title: string): string {
  const clean = title
    .replace(/[\r\n]+/g, ' ')
    .replace(/["\\]/g, '\\$&')
    .replace(ENTITY_START, '\\&')
  return `"${clean}"`
}

/**
 * Text for pandoc metadata (YAML values pandoc reads as markdown: titles, CSL fields): escaped as pandoc-style
 * body text at the start of a line, so only what pandoc would read as markup gets a backslash and a URL such as
 * `https://example.org/a_b?x=1&y=2#top` stays as it is, readable by tools that do not read markdown.
 */
export function escapePandocMetadata(text: string): string {
  // Markdown folds runs of spaces into one and drops trailing ones: the others are entities, kept as written.
  const line = (part: string) => escapeText(part, { lineStart: true, dialect: 'pandoc' }).replace(/(?<=[ \t])[ \t]|[ \t]$/g, asEntity)
  // A line break (an imported note or abstract) is a hard break, which pandoc reads back as "\n"; a bare one
  // would be read as a space, and a blank line would split the value into paragraphs.
  return text.split(/\r\n?|\n/).map(line).join('\\\n')
}
