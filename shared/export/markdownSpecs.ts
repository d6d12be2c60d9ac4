import type { Mark, Node } from '@tiptap/pm/model'
import type { MarkdownSerializer, MarkdownSerializerState } from 'prosemirror-markdown'
import { escapeLinkDestination, escapeLinkTitle, isPunctuation, type Dialect } from './escape.js'
import { placeCitation } from './citationPlacement.js'
import { ExportSerializer, type CitationRef, type ExportState } from './ExportSerializer.js'

/**
 * Node and mark serializers for the editor schema's (camelCase) node names. The document has been through
 * normalizeForExport, so attributes are bounded, links are safe and text holds no line breaks.
 */

type MarkSerializerSpec = MarkdownSerializer['marks'][string]

type NodeSpec = (state: MarkdownSerializerState, node: Node, parent: Node, index: number) => void

const exportState = (state: MarkdownSerializerState) => state as ExportState

/** How many siblings right before `index` have the same type: a list right after a list needs another marker. */
function sameTypeRunBefore(parent: Node, index: number, node: Node): number {
  let count = 0
  while (index - count - 1 >= 0 && parent.child(index - count - 1).type === node.type) count++
  return count
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let current = 0
  for (const c of text) {
    current = c === char ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}

/** Renders the inline content of a textblock, keeping (for headings) a final `#`. */
function renderTextblock(state: ExportState, node: Node, fromBlockStart: boolean): void {
  const from = state.internals.out.length
  state.renderInline(node, fromBlockStart)
  if (node.type.name === 'heading') {
    const { out } = state.internals
    // "## Title #" would lose its "#": trailing #s after a space are read as a closing sequence.
    const closing = /(^|[ \t])(#+)$/.exec(out.slice(from))
    if (closing) state.internals.out = `${out.slice(0, out.length - closing[2]!.length)}\\${closing[2]}`
  }
}

const nodes: Record<string, NodeSpec> = {
  paragraph(state, node) {
    renderTextblock(exportState(state), node, true)
    state.closeBlock(node)
  },
  heading(state, node) {
    state.write(`${'#'.repeat(node.attrs.level as number)} `)
    renderTextblock(exportState(state), node, false)
    state.closeBlock(node)
  },
  blockquote(state, node) {
    state.wrapBlock('> ', null, node, () => state.renderContent(node))
  },
  bulletList(state, node, parent, index) {
    // Two lists in a row would merge into one unless their markers differ.
    const marker = sameTypeRunBefore(parent, index, node) % 2 === 0 ? '- ' : '* '
    state.renderList(node, '  ', () => marker)
  },
  orderedList(state, node, parent, index) {
    const start = node.attrs.start as number
    const delimiter = sameTypeRunBefore(parent, index, node) % 2 === 0 ? '.' : ')'
    const width = String(start + node.childCount - 1).length
    state.renderList(node, ' '.repeat(width + 2), (i) => `${String(start + i).padStart(width, ' ')}${delimiter} `)
  },
  listItem(state, node) {
    state.renderContent(node)
  },
  codeBlock(state, node) {
    const text = node.textContent
    const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1))
    state.write(`${fence}${(node.attrs.language as string | null) ?? ''}\n`)
    state.text(text, false)
    state.write('\n')
    state.write(fence)
    state.closeBlock(node)
  },
  horizontalRule(state, node) {
    // Not "---": at the very top of a file that would open YAML front matter for GitHub and Jekyll.
    state.write('***')
    state.closeBlock(node)
  },
  hardBreak(state, node, parent, index) {
    // A break with nothing after it in its block cannot be written (markdown ignores it).
    for (let i = index + 1; i < parent.childCount; i++) {
      if (parent.child(i).type !== node.type) {
        state.write('\\\n')
        return
      }
    }
  },
  text(state, node) {
    state.text(node.text ?? '')
  },
  citation(state, node, parent, index) {
    // A run of adjacent citations is written once, by its first citation.
    if (index > 0 && parent.child(index - 1).type === node.type) return
    const run: CitationRef[] = []
    for (let i = index; i < parent.childCount && parent.child(i).type === node.type; i++) {
      const { sourceId, locator } = parent.child(i).attrs
      run.push({ sourceId: sourceId as string | null, locator: locator as string | null })
    }
    const exporter = exportState(state)
    const markdown = exporter.context.citations(run)
    if (exporter.context.dialect !== 'pandoc') return state.text(markdown, false)
    // Pandoc's citations go before the punctuation typed before them (citationPlacement.ts): rewrite the line.
    exporter.write() // the block prefix (`> `, list indentation) when the line starts here
    const { out } = exporter.internals
    const lineStart = out.lastIndexOf('\n') + 1
    exporter.internals.out = out.slice(0, lineStart) + placeCitation(out.slice(lineStart), markdown)
  },
}

/** `**`, `*`, `~~`: kept valid where CommonMark's flanking rules would read them as plain asterisks. */
function emphasis(delimiter: string): MarkSerializerSpec {
  return {
    open(state, _mark, parent, index) {
      const content = parent.child(index)
      const text = content.isText ? (content.text ?? '').trimStart() : ''
      const next = text === '' ? '' : String.fromCodePoint(text.codePointAt(0)!)
      // A second opener right after this one counts as punctuation.
      exportState(state).beforeOpener(delimiter, isPunctuation(next) || content.marks.length > 1)
      return delimiter
    },
    close(state) {
      exportState(state).beforeCloser(delimiter)
      return delimiter
    },
    mixable: true,
    expelEnclosingWhitespace: true,
  }
}

/** Backticks one longer than the longest run inside; padded when the code starts or ends with a backtick or a space. */
function codeDelimiter(node: Node, side: 'open' | 'close'): string {
  const text = node.text ?? ''
  const ticks = '`'.repeat(longestRun(text, '`') + 1)
  // CommonMark strips one space from each end of code that starts and ends with one (unless it is all spaces).
  const pad = /^`|`$/.test(text) || (/^ /.test(text) && / $/.test(text) && /[^ ]/.test(text))
  if (!pad) return ticks
  return side === 'open' ? `${ticks} ` : ` ${ticks}`
}

const marks = (dialect: Dialect): Record<string, MarkSerializerSpec> => ({
  bold: emphasis('**'),
  italic: emphasis('*'),
  strike: emphasis('~~'),
  code: {
    open: (_state, _mark, parent, index) => codeDelimiter(parent.child(index), 'open'),
    close: (_state, _mark, parent, index) => codeDelimiter(parent.child(index - 1), 'close'),
    escape: false,
    // Pandoc trims spaces at the ends of inline code: keep them as text, outside it.
    expelEnclosingWhitespace: dialect === 'pandoc',
  },
  link: {
    open: '[',
    close(_state, mark: Mark) {
      const title = typeof mark.attrs.title === 'string' && mark.attrs.title !== '' ? ` ${escapeLinkTitle(mark.attrs.title)}` : ''
      return `](${escapeLinkDestination(mark.attrs.href as string)}${title})`
    },
    mixable: true,
    // Pandoc trims spaces at the ends of link text too.
    expelEnclosingWhitespace: dialect === 'pandoc',
  },
})

/** The serializers for the editor schema, one per dialect. */
export const exportSerializers: Record<Dialect, ExportSerializer> = {
  gfm: new ExportSerializer(nodes, marks('gfm'), { strict: true, hardBreakNodeName: 'hardBreak' }),
  pandoc: new ExportSerializer(nodes, marks('pandoc'), { strict: true, hardBreakNodeName: 'hardBreak' }),
}
