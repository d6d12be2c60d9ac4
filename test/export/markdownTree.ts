import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import type { Node as PmNode } from '@tiptap/pm/model'
import { editorSchema } from '../../shared/editorSchema.js'
import { VIEW_ONLY_MARK_NAMES } from '../../shared/unsupported/unsupportedNodes.js'
import type { JsonNode } from './fixtures.js'

/**
 * An independent reading of the export: markdown-it (CommonMark + GFM tables and strikethrough + footnotes,
 * raw HTML recognised so that any leak shows up as html tokens) parses it into a tree of blocks and text
 * runs, which is compared with the same tree read from the document.
 */

type Token = ReturnType<MarkdownIt['parse']>[number]

export const markdownIt = new MarkdownIt({ html: true, linkify: false }).use(footnote)

export type Run = { text: string; marks: string[] } | { break: true } | { footnote: string } | { unexpected: string }

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'codeBlock'; language: string; code: string }
  | { type: 'horizontalRule' }
  | { type: 'blockquote' | 'bulletList' | 'listItem'; children: Block[] }
  | { type: 'orderedList'; start: number; children: Block[] }

type Container = { children: Block[] } & Partial<{ runs: Run[] }>

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    if (last && 'text' in last && 'text' in run && last.marks.join() === run.marks.join()) last.text += run.text
    else merged.push('text' in run ? { text: run.text, marks: [...run.marks] } : run)
  }
  return merged.filter((run) => !('text' in run) || run.text !== '')
}

const EMPHASIS = ['bold', 'italic', 'strike']

/**
 * Whitespace carries no emphasis in the comparison: CommonMark cannot open or close emphasis next to a space,
 * so the serializer writes such spaces outside it (`**a** b` for a bold "a "). The text is unchanged.
 */
function trimEmphasis(runs: Run[]): Run[] {
  return mergeRuns(
    runs.flatMap((run): Run[] => {
      if (!('text' in run) || !run.marks.some((mark) => EMPHASIS.includes(mark))) return [run]
      const plainMarks = run.marks.filter((mark) => !EMPHASIS.includes(mark))
      return run.text.split(/(\s+)/).filter((part) => part !== '').map((part) => ({ text: part, marks: /^\s+$/.test(part) ? plainMarks : run.marks }))
    }),
  )
}

function isSafeHref(href: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(href.trim()).protocol)
  } catch {
    return false
  }
}

// ----- the markdown side -----

function inlineRuns(children: readonly Token[]): Run[] {
  const marks: string[] = []
  const runs: Run[] = []
  const current = () => [...marks].sort()
  for (const child of children) {
    switch (child.type) {
      case 'strong_open': marks.push('bold'); break
      case 'em_open': marks.push('italic'); break
      case 's_open': marks.push('strike'); break
      case 'link_open': {
        const title = child.attrGet('title')
        marks.push(`link ${child.attrGet('href')}${title ? ` "${title}"` : ''}`)
        break
      }
      case 'strong_close': case 'em_close': case 's_close': case 'link_close': marks.pop(); break
      case 'text': runs.push({ text: child.content, marks: current() }); break
      case 'code_inline': runs.push({ text: child.content, marks: [...current(), 'code'].sort() }); break
      case 'hardbreak': runs.push({ break: true }); break
      case 'footnote_ref': runs.push({ footnote: String(child.meta.label) }); break
      default: runs.push({ unexpected: child.type })
    }
  }
  return trimEmphasis(mergeRuns(runs))
}

/** The blocks of the markdown before its footnote definitions. */
export function blocksOfMarkdown(markdown: string): Block[] {
  const tokens = markdownIt.parse(markdown, {})
  const root: Container = { children: [] }
  const stack: Container[] = [root]
  const top = () => stack[stack.length - 1]!
  const open = (block: Block & Container) => {
    top().children.push(block)
    stack.push(block)
  }
  for (const token of tokens) {
    if (token.type === 'footnote_block_open') break
    switch (token.type) {
      case 'paragraph_open': open({ type: 'paragraph', runs: [], children: [] } as never); break
      case 'heading_open': open({ type: 'heading', level: Number(token.tag.slice(1)), runs: [], children: [] } as never); break
      case 'blockquote_open': open({ type: 'blockquote', children: [] }); break
      case 'bullet_list_open': open({ type: 'bulletList', children: [] }); break
      case 'ordered_list_open': open({ type: 'orderedList', start: Number(token.attrGet('start') ?? 1), children: [] }); break
      case 'list_item_open': open({ type: 'listItem', children: [] }); break
      case 'inline': top().runs = inlineRuns(token.children ?? []); break
      case 'fence': top().children.push({ type: 'codeBlock', language: token.info, code: token.content.replace(/\n$/, '') }); break
      case 'hr': top().children.push({ type: 'horizontalRule' }); break
      default:
        if (token.nesting === -1) stack.pop()
        else top().children.push({ type: 'paragraph', runs: [{ unexpected: token.type }] })
    }
  }
  return strip(root.children)
}

/** Removes the parser's bookkeeping (`children` on textblocks) and empty paragraphs. */
function strip(blocks: Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.type === 'paragraph') return block.runs.length === 0 ? [] : [{ type: 'paragraph', runs: block.runs }]
    if (block.type === 'heading') return [{ type: 'heading', level: block.level, runs: block.runs }]
    if ('children' in block) return [{ ...block, children: strip(block.children) }]
    return [block]
  })
}

// ----- the document side -----

function docRuns(node: PmNode, inHeading: boolean, footnotes: { next: number }): Run[] {
  const runs: Run[] = []
  node.forEach((child) => {
    if (child.isText) {
      const marks = child.marks
        // Underline has no markdown; unsafe links and the view-only placeholder mark (what the editor shows for a link
        // it cannot read) are exported as plain text.
        .filter((mark) => mark.type.name !== 'underline' && !VIEW_ONLY_MARK_NAMES.includes(mark.type.name) && (mark.type.name !== 'link' || isSafeHref(String(mark.attrs.href))))
        .map((mark) => {
          if (mark.type.name !== 'link') return mark.type.name
          const title = mark.attrs.title as string | null
          return `link ${markdownIt.normalizeLink(String(mark.attrs.href))}${title ? ` "${title.replace(/[\r\n]+/g, ' ')}"` : ''}`
        })
        .sort()
      child.text!.split(/\r\n|\r|\n/).forEach((line, index) => {
        if (index > 0) runs.push(inHeading ? { text: ' ', marks } : { break: true })
        runs.push({ text: line, marks })
      })
    } else if (child.type.name === 'hardBreak') {
      runs.push(inHeading ? { text: ' ', marks: [] } : { break: true })
    } else if (child.type.name === 'citation') {
      runs.push({ footnote: String(footnotes.next++) })
    }
  })
  const merged = trimEmphasis(mergeRuns(runs))
  // Markdown cannot end a block with a line break, and the export drops whitespace at the end of a block.
  for (let last = merged.at(-1); last && ('break' in last || ('text' in last && /\s$/.test(last.text))); last = merged.at(-1)) {
    if ('text' in last && last.text.trimEnd() !== '') {
      last.text = last.text.trimEnd()
      break
    }
    merged.pop()
  }
  return merged
}

function docBlocks(node: PmNode, footnotes: { next: number }): Block[] {
  const blocks: Block[] = []
  node.forEach((child) => {
    const name = child.type.name
    if (name === 'paragraph') {
      const runs = docRuns(child, false, footnotes)
      if (runs.length > 0) blocks.push({ type: 'paragraph', runs })
    } else if (name === 'heading') blocks.push({ type: 'heading', level: child.attrs.level as number, runs: docRuns(child, true, footnotes) })
    else if (name === 'codeBlock') blocks.push({ type: 'codeBlock', language: (child.attrs.language as string | null) ?? '', code: child.textContent })
    else if (name === 'horizontalRule') blocks.push({ type: 'horizontalRule' })
    else if (name === 'orderedList') blocks.push({ type: 'orderedList', start: child.attrs.start as number, children: docBlocks(child, footnotes) })
    else if (name === 'blockquote' || name === 'bulletList' || name === 'listItem') blocks.push({ type: name, children: docBlocks(child, footnotes) })
    else throw new Error(`unexpected node ${name}`)
  })
  return blocks
}

/** The tree the markdown should parse into, read straight from a ProseMirror document. */
export function blocksOfDoc(doc: PmNode): Block[] {
  return docBlocks(doc, { next: 1 })
}

/** Same, from JSON in the editor schema. */
export function blocksOfJson(blocks: JsonNode[]): Block[] {
  return blocksOfDoc(editorSchema.nodeFromJSON({ type: 'doc', content: blocks }))
}

// ----- whole-file checks -----

function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...allTokens(token.children ?? [])])
}

/** Types of raw-HTML tokens anywhere in the parse (should be none). */
export function rawHtmlTokens(markdown: string): string[] {
  return allTokens(markdownIt.parse(markdown, {}))
    .filter((token) => token.type === 'html_block' || token.type === 'html_inline')
    .map((token) => token.content)
}

/** The text a reader sees in an inline token (emphasis and link markup dropped). */
export function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : /break$/.test(child.type) ? '\n' : ''))
    .join('')
}

/** Footnote reference labels in reading order, and definition labels in file order. */
export function footnotesOf(markdown: string): { references: string[]; definitions: string[]; definitionText: Map<string, string> } {
  const tokens = markdownIt.parse(markdown, {})
  const all = allTokens(tokens)
  const references = all.filter((token) => token.type === 'footnote_ref').map((token) => String(token.meta.label))
  const definitions: string[] = []
  const definitionText = new Map<string, string>()
  let current: string | undefined
  for (const token of tokens) {
    if (token.type === 'footnote_open') {
      current = String(token.meta.label)
      definitions.push(current)
    } else if (token.type === 'inline' && current !== undefined && !definitionText.has(current)) {
      definitionText.set(current, plainText(token))
    } else if (token.type === 'footnote_close') current = undefined
  }
  return { references, definitions, definitionText }
}

/** The footnote definitions as written: `{ label, note }` in file order. */
export function noteLines(markdown: string): { label: string; note: string }[] {
  return [...markdown.matchAll(/^\[\^([^\]]+)\]: (.*)$/gm)].map((match) => ({ label: match[1]!, note: match[2]! }))
}
