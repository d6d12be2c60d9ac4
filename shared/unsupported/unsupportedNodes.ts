import { Mark, Node } from '@tiptap/core'

/**
 * Content this version of Caucus cannot show: text directly under the root, an unknown node or mark, a node in
 * the wrong place. A hostile client can write it, and so can a newer version of Caucus. The editor's Yjs binding
 * (patches/@tiptap+y-tiptap) shows a top-level block that holds any of it as one `unsupportedBlock`, mapped to the
 * untouched Yjs content, and never writes a placeholder to the Y.Doc; unknown formatting keeps its text visible. The server refuses any update that contains one of these names.
 */
export const UnsupportedNames = {
  /** A top-level block that holds anything this version cannot show (or is itself such content). */
  block: 'unsupportedBlock',
  /** Formatting (a Yjs text attribute) that is not a mark of the schema: the text is shown, the attribute kept. */
  mark: 'unsupportedFormatting',
} as const

/** Node names that exist only in the view: a client that writes one to the Y.Doc is refused. */
export const VIEW_ONLY_NODE_NAMES: readonly string[] = [UnsupportedNames.block]
/** Mark names that exist only in the view. */
export const VIEW_ONLY_MARK_NAMES: readonly string[] = [UnsupportedNames.mark]

/** What a reader is told in place of the content. */
export const UNSUPPORTED_CONTENT_LABEL = 'Content this version cannot show'

const placeholderAttributes = {
  /** A short description of what is there (its Yjs node name), for the tooltip. */
  what: { default: '', rendered: false },
}

/** A block this version cannot show. Not editable, not parsed from pasted HTML, never written to Yjs. */
export const UnsupportedBlock = Node.create({
  name: UnsupportedNames.block,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes: () => placeholderAttributes,
  parseHTML: () => [],
  renderHTML: ({ node }) => [
    'div',
    {
      class: 'unsupported-content',
      contenteditable: 'false',
      role: 'note',
      title: node.attrs.what ? `${UNSUPPORTED_CONTENT_LABEL}: ${node.attrs.what}` : UNSUPPORTED_CONTENT_LABEL,
    },
    UNSUPPORTED_CONTENT_LABEL,
  ],
  renderText: () => '',
})

/** Text that carries formatting this version cannot show: the text is shown, the formatting is kept in Yjs. */
export const UnsupportedFormatting = Mark.create({
  name: UnsupportedNames.mark,
  addAttributes: () => placeholderAttributes,
  parseHTML: () => [],
  renderHTML: ({ mark }) => [
    'span',
    {
      class: 'unsupported-formatting',
      title: mark.attrs.what ? `Formatting this version cannot show: ${mark.attrs.what}` : 'Formatting this version cannot show',
    },
    0,
  ],
})
