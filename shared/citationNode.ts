import { mergeAttributes, Node } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

export interface CitationAttributes {
  /** Id of the source in the document's `sources` map. */
  sourceId: string | null
  /** Optional pinpoint within the source, e.g. "§ 7284.6(a)(1)" or "p. 3". */
  locator: string | null
}

export interface CitationOptions {
  /**
   * The text a citation stands for where no source data is at hand (plain-text copy, headless rendering).
   * The editor replaces it with a formatted label through a node view.
   * @default `[@sourceId, locator]`
   */
  renderLabel: (attributes: CitationAttributes) => string
}

export const MAX_LOCATOR_LENGTH = 80

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a citation at the selection. */
      insertCitation: (attributes: { sourceId: string; locator?: string | null }) => ReturnType
      /** Changes the source or pinpoint of the citation at `position`. */
      updateCitation: (position: number, attributes: Partial<CitationAttributes>) => ReturnType
    }
  }
}

/** Reads a trimmed, bounded locator; empty means none. */
export function cleanLocator(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.replace(/\s+/g, ' ').trim().slice(0, MAX_LOCATOR_LENGTH)
  return trimmed === '' ? null : trimmed
}

/**
 * An inline citation: an atom that holds a source id and an optional pinpoint, never a copy of the source.
 * In Yjs it is an XmlElement named `citation` with attributes `sourceId` and (optionally) `locator`.
 *
 * `clipboardSource` is never stored: it carries the cited source's CSL-JSON on the clipboard, so a
 * citation pasted into another document brings its source along.
 */
export const Citation = Node.create<CitationOptions>({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  // A citation carries no formatting: the Yjs binding stores marks only on text, so a bold citation would be
  // bold on one page and plain everywhere else. (A node spec's `marks` is about its content; ProseMirror's
  // addMark still marks the atom itself, so the plugin below takes them off.)
  marks: '',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('citationWithoutMarks'),
        appendTransaction: (transactions, _oldState, newState) => {
          // Only formatting steps and pasted citations can put marks on one: plain typing skips the scan.
          const mayMark = transactions.some((transaction) =>
            transaction.steps.some((step) => {
              const json = step.toJSON() as { stepType?: string; slice?: { content?: unknown } }
              return json.stepType?.toLowerCase().includes('mark') || JSON.stringify(json.slice?.content ?? '').includes(`"${this.name}"`)
            }),
          )
          if (!mayMark) return null
          const tr = newState.tr
          newState.doc.descendants((node, pos) => {
            if (node.type.name === this.name && node.marks.length > 0) tr.setNodeMarkup(pos, undefined, node.attrs, [])
            return node.isBlock
          })
          return tr.docChanged ? tr : null
        },
      }),
    ]
  },
  selectable: true,
  draggable: false,

  addOptions() {
    return {
      renderLabel: ({ sourceId, locator }) => `[@${sourceId ?? '?'}${locator ? `, ${locator}` : ''}]`,
    }
  },

  addAttributes() {
    return {
      sourceId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-source-id'),
        renderHTML: (attributes) => ({ 'data-source-id': attributes.sourceId }),
      },
      locator: {
        default: null,
        parseHTML: (element) => cleanLocator(element.getAttribute('data-locator')),
        renderHTML: (attributes) => (attributes.locator ? { 'data-locator': attributes.locator } : {}),
      },
      clipboardSource: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-source'),
        renderHTML: (attributes) => (attributes.clipboardSource ? { 'data-source': attributes.clipboardSource } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes), this.options.renderLabel(node.attrs as CitationAttributes)]
  },

  renderText({ node }) {
    return this.options.renderLabel(node.attrs as CitationAttributes)
  },

  addCommands() {
    return {
      insertCitation:
        ({ sourceId, locator }) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { sourceId, locator: cleanLocator(locator) } }),
      updateCitation:
        (position, attributes) =>
        ({ tr, state, dispatch }) => {
          const node = state.doc.nodeAt(position)
          if (!node || node.type.name !== this.name) return false
          if (dispatch) {
            const locator = attributes.locator === undefined ? node.attrs.locator : cleanLocator(attributes.locator)
            tr.setNodeMarkup(position, undefined, { ...node.attrs, ...attributes, locator })
          }
          return true
        },
    }
  },
})
