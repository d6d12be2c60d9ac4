import type { Node } from '@tiptap/pm/model'
import { MarkdownSerializer, MarkdownSerializerState } from 'prosemirror-markdown'
import { asEntity, escapeText, isPunctuation, isWordCharacter, type Dialect } from './escape.js'

/** A citation node's attributes, cleaned. */
export interface CitationRef {
  sourceId: string | null
  locator: string | null
}

/** What the body serializer needs from the exporter: the dialect, and the markdown for citations. */
export interface BodyContext {
  dialect: Dialect
  /**
   * Raw markdown for a run of adjacent citations (`[^3][^4]`, `[@a, p. 4; @b]`), called in reading order.
   * Adjacent citations come together because pandoc reads `[@a][@b]` as a failed link.
   */
  citations: (run: readonly CitationRef[]) => string
}

// prosemirror-markdown keeps these fields internal (absent from its typings); the export reads them to know
// where a line starts and to repair the last character written.
interface StateInternals {
  out: string
  delim: string
}

// Its constructor is left out of prosemirror-markdown's typings too; the signature is (nodes, marks, options).
const StateBase = MarkdownSerializerState as unknown as new (
  nodes: MarkdownSerializer['nodes'],
  marks: MarkdownSerializer['marks'],
  options: MarkdownSerializer['options'] & { tightLists?: boolean },
) => MarkdownSerializerState

/**
 * prosemirror-markdown's state with our escaping (escape.ts) instead of its own, which misses `<`, `|`, `&`
 * entities, `1)`, `+` and `=` at a line start, and anything at the start of a line after a hard break.
 */
export class ExportState extends StateBase {
  /**
   * Where an emphasis closer that follows punctuation ends (-1: none). A word character written right there
   * must be an entity, or the closer would not close ("**a.**b").
   */
  flankPendingAt = -1

  /** The emphasis closers last written back to back: where they start and end in the output. */
  private closers: { start: number; end: number } | undefined

  constructor(serializer: MarkdownSerializer, readonly context: BodyContext) {
    super(serializer.nodes, serializer.marks, { ...serializer.options, tightLists: true, hardBreakNodeName: 'hardBreak' })
  }

  get internals(): StateInternals {
    return this as unknown as StateInternals
  }

  /** The text of the line being written, without the block prefix (`> `, list indentation). */
  currentLine(): { line: string; prefixOnly: boolean } {
    const { out, delim } = this.internals
    const line = out.slice(out.lastIndexOf('\n') + 1)
    return { line, prefixOnly: line === delim }
  }

  /** The character (a whole code point) that ends at `position` in the output. */
  charBefore(position: number): string {
    const { out } = this.internals
    const code = out.charCodeAt(position - 1)
    const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff && position >= 2
    return out.slice(position - (isLowSurrogate ? 2 : 1), position)
  }

  /** Writes the character that ends at `position` as an entity, shifting the positions we keep. */
  private entityAt(position: number): void {
    const char = this.charBefore(position)
    if (char === '') return
    const entity = asEntity(char)
    const { out } = this.internals
    this.internals.out = out.slice(0, position - char.length) + entity + out.slice(position)
    const shift = (value: number) => (value >= position ? value + entity.length - char.length : value)
    if (this.closers) this.closers = { start: shift(this.closers.start), end: shift(this.closers.end) }
    if (this.flankPendingAt >= 0) this.flankPendingAt = shift(this.flankPendingAt)
  }

  /**
   * Before an emphasis closer is written. A closer only closes if it is not preceded by punctuation or is
   * followed by whitespace or punctuation: after punctuation, a word character written next becomes an entity.
   */
  beforeCloser(delimiter: string): void {
    const at = this.internals.out.length
    const start = this.closers?.end === at ? this.closers.start : at
    this.closers = { start, end: at + delimiter.length }
    this.flankPendingAt = isPunctuation(this.charBefore(at)) ? at + delimiter.length : -1
  }

  /**
   * Before an emphasis opener is written, followed by punctuation or not. An opener only opens if it is not
   * followed by punctuation or is preceded by whitespace or punctuation: a word character before it becomes an
   * entity. Right after closers the delimiters merge into one run, which must then both close and open.
   */
  beforeOpener(delimiter: string, nextIsPunctuation: boolean): void {
    const at = this.internals.out.length
    if (this.flankPendingAt === at) this.flankPendingAt = at + delimiter.length
    const runStart = this.closers?.end === at ? this.closers.start : at
    if (nextIsPunctuation && isWordCharacter(this.charBefore(runStart))) this.entityAt(runStart)
  }

  override esc(text: string, startOfLine = false): string {
    const { line, prefixOnly } = this.currentLine()
    let escaped = escapeText(text, { lineStart: startOfLine || prefixOnly, dialect: this.context.dialect })
    if (/^#{1,6} $/.test(line.slice(this.internals.delim.length)) && /^[ \t]/.test(escaped)) {
      // Leading spaces of a heading's text would be stripped.
      escaped = asEntity(escaped[0]!) + escaped.slice(1)
    }
    const first = String.fromCodePoint(escaped.codePointAt(0) ?? 32)
    if (this.internals.out.length === this.flankPendingAt && isWordCharacter(first)) escaped = asEntity(first) + escaped.slice(first.length)
    // After `]`, a `(` or `:` would turn a footnote reference or citation into a link or a definition.
    if (this.internals.out.endsWith(']') && /^[(:]/.test(escaped)) escaped = `\\${escaped}`
    return escaped
  }
}

/** prosemirror-markdown's serializer, rendering with an ExportState. */
export class ExportSerializer extends MarkdownSerializer {
  /** The markdown of `doc`'s blocks (no notes, no front matter), blocks separated by blank lines. */
  render(doc: Node, context: BodyContext): string {
    // One state per top-level block: the state reads back what it wrote (line starts, last characters), and
    // reading a long string that is being appended to makes V8 copy all of it each time.
    const blocks: string[] = []
    doc.forEach((block, _offset, index) => {
      const state = new ExportState(this, context)
      state.render(block, doc, index)
      const out = state.internals.out
      if (out !== '') blocks.push(out)
    })
    return blocks.join('\n\n')
  }
}
