/**
 * Block-style YAML that people, Quarto, Zotero's Better BibTeX and static site generators read easily: one
 * `key: value` per line, strings plain where YAML reads them back as the same string, quoted where it would not.
 * Every quoting rule below is conservative: a string that might mean something else to some YAML 1.1 or 1.2
 * parser is quoted.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g

/** One value as a YAML-safe JSON scalar, sequence or flow mapping. */
export function yamlValue(value: unknown): string {
  const json = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' ? inner.replace(LONE_SURROGATE, '\ufffd') : inner))
  return json.replace(YAML_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// Characters YAML refuses, or reads as line breaks, or that a plain or single-quoted scalar cannot hold.
const NEEDS_ESCAPES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/
// A plain scalar cannot start with an indicator, or hold `: ` or ` #`, or end in `:`; brackets are left to quotes.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/
const INSIDE = /: | #|:$|\s$|[[\]{}]/
// Words and number-like text some YAML parser reads as a boolean, null, number or date.
const KEYWORD = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i
const NUMBER_LIKE = /^[-+.]?\d[\d\s\-+.:_,eExXoObBa-fA-F/]*$|^[-+]?\.(?:inf|nan)$/i

/** A string as a YAML scalar: plain when safe, else single-quoted (only `'` doubled), else JSON double-quoted. */
export function yamlString(text: string): string {
  if (NEEDS_ESCAPES.test(text)) return yamlValue(text)
  if (text !== '' && !INDICATOR_START.test(text) && !INSIDE.test(text) && !KEYWORD.test(text) && !NUMBER_LIKE.test(text)) return text
  return `'${text.replace(/'/g, "''")}'`
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object'
const scalar = (value: unknown) => (typeof value === 'string' ? yamlString(value) : yamlValue(value))

/** Lines for `value` under a key or dash: a scalar or a flow list of scalars inline, else indented lines. */
function valueLines(value: unknown, indent: string): { inline: string } | { lines: string[] } {
  if (isScalar(value)) return { inline: scalar(value) }
  if (Array.isArray(value)) {
    if (value.length === 0) return { inline: '[]' }
    // Lists of scalars (date parts) stay on one line: `[2019, 4, 2]`.
    if (value.every(isScalar)) return { inline: `[${value.map(scalar).join(', ')}]` }
    return { lines: value.flatMap((item) => itemLines(item, indent)) }
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined)
  if (entries.length === 0) return { inline: '{}' }
  return { lines: entries.flatMap(([key, inner]) => entryLines(key, inner, indent)) }
}

function entryLines(key: string, value: unknown, indent: string): string[] {
  const nested = valueLines(value, `${indent}  `)
  if ('inline' in nested) return [`${indent}${yamlString(key)}: ${nested.inline}`]
  // A list under a key is written at the key's indentation, as most YAML is.
  const lines = Array.isArray(value) ? valueLines(value, indent) : nested
  return [`${indent}${yamlString(key)}:`, ...('lines' in lines ? lines.lines : [])]
}

/** A list item: `- scalar`, or `- key: value` with the mapping's other keys indented under the first. */
export function itemLines(item: unknown, indent: string): string[] {
  const nested = valueLines(item, `${indent}  `)
  if ('inline' in nested) return [`${indent}- ${nested.inline}`]
  const [first, ...rest] = nested.lines
  return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest]
}
