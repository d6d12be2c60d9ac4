import { Extension, InputRule } from '@tiptap/core'
import { Fragment, Slice, type Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { curlyQuote, curlyQuotesExceptUrls, endsInUrl } from '../../shared/typography.js'

/**
 * Straight quotes and apostrophes become typographic ones as people type or paste, as in a word processor
 * (the same choice of quote as the notes make, `shared/typography.ts`). Only quotes: dashes, arrows and
 * fractions are left alone, since "--" or "1/2" in a statement may be meant literally. Never in code (Tiptap's
 * input rules skip code marks and code blocks; the paste filter checks them too) or in URLs (a link's text
 * that is not a URL is prose, so it is set like the rest).
 * Backspace or Ctrl+Z right after the replacement gives the straight quote back (Tiptap's `undoInputRule`).
 * Client-only behaviour: the schema shared with the server does not change.
 */

function hasCode(marks: readonly Mark[]): boolean {
  return marks.some((mark) => mark.type.spec.code)
}

function leafText(node: ProseMirrorNode): string {
  return node.type.name === 'hardBreak' ? '\n' : 'x'
}

const typedQuote = new InputRule({
  find: /["']$/,
  handler: ({ state, range, match }) => {
    const $from = state.doc.resolve(range.from)
    // Marks that typed text would get: inline code being typed (toggled on, nothing in it yet) stays straight.
    if (hasCode(state.storedMarks ?? $from.marks())) return null
    // A line break counts as a space (a quote after it opens); a citation as a word (’s after it is an apostrophe).
    const before = $from.parent.textBetween(0, $from.parentOffset, undefined, leafText)
    if (endsInUrl(before)) return null
    const after = state.doc.textBetween(range.to, Math.min($from.end(), range.to + 3), undefined, leafText)
    state.tr.insertText(curlyQuote(match[0] as '"' | "'", before.slice(-1), after), range.from, range.to)
  },
})

/** Pasted text: straight quotes made curly, except in code and URLs. */
function curlPasted(fragment: Fragment, inCode: boolean): Fragment {
  const children: ProseMirrorNode[] = []
  fragment.forEach((child) => {
    if (child.isText) {
      const keep = inCode || hasCode(child.marks) || !/["']/.test(child.text ?? '')
      children.push(keep ? child : child.type.schema.text(curlyQuotesExceptUrls(child.text!), child.marks))
    } else {
      children.push(child.copy(curlPasted(child.content, inCode || Boolean(child.type.spec.code))))
    }
  })
  return Fragment.from(children)
}

export const SmartQuotes = Extension.create({
  name: 'smartQuotes',
  // Ahead of the collaboration undo's Mod-z, so the first Ctrl+Z after a replacement undoes just that.
  priority: 1000,
  addInputRules: () => [typedQuote],
  addKeyboardShortcuts() {
    return { 'Mod-z': () => this.editor.commands.undoInputRule() }
  },
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('smartQuotesPaste'),
      props: {
        transformPasted: (slice, view) => {
          // Pasted into a code block or inline code: as it is.
          const $from = view.state.selection.$from
          const inCode = Boolean($from.parent.type.spec.code) || hasCode(view.state.storedMarks ?? $from.marks())
          return inCode ? slice : new Slice(curlPasted(slice.content, false), slice.openStart, slice.openEnd)
        },
      },
    }),
  ],
})
