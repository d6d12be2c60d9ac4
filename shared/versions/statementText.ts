import type { Node } from '@tiptap/pm/model'

/** One citation as it stands in the text, in reading order. */
export interface CitationMention {
  sourceId: string
  locator: string | null
  /** Which text block (counting from 0 in reading order) it is in. */
  block: number
}

/** What a version comparison reads from a statement: the words of each text block, and the citations. */
export interface StatementText {
  /** Each text block (paragraph, heading, list item's paragraph, code block) as plain text; citations left out. */
  blocks: string[]
  citations: CitationMention[]
}

/**
 * The statement's words and citations, read from its ProseMirror document. Citations are taken out of the words
 * (they are compared on their own), a hard break is a line break, and formatting is ignored: a comparison is
 * about what the statement says and cites.
 */
export function statementText(doc: Node): StatementText {
  const blocks: string[] = []
  const citations: CitationMention[] = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    const block = blocks.length
    node.descendants((child) => {
      if (child.type.name === 'citation') {
        const attrs = child.attrs as { sourceId?: unknown; locator?: unknown }
        citations.push({ sourceId: String(attrs.sourceId ?? ''), locator: typeof attrs.locator === 'string' && attrs.locator !== '' ? attrs.locator : null, block })
      }
      return true
    })
    blocks.push(node.textBetween(0, node.content.size, '', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '')))
    return false
  })
  return { blocks, citations }
}
