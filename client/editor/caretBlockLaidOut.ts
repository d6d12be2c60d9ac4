import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/** The class the top-level block holding the caret carries (styles.css lays it out whatever its place). */
const CARET_BLOCK_CLASS = 'has-caret'

const caretBlockKey = new PluginKey<DecorationSet>('caretBlockLaidOut')

function caretBlockDecorations(state: EditorState): DecorationSet {
  const $head = state.selection.$head
  if ($head.depth < 1) return DecorationSet.empty
  return DecorationSet.create(state.doc, [Decoration.node($head.before(1), $head.after(1), { class: CARET_BLOCK_CLASS })])
}

/**
 * Marks the top-level block that holds the caret. Paragraphs out of view skip layout (`content-visibility:
 * auto`), and a paragraph Enter has just made is one of them until the browser's next frame: a letter typed
 * into it before then lands in the wrong place (Chromium places the caret by a layout it has not done). The
 * block with the caret is always laid out, from the moment it exists.
 */
export const CaretBlockLaidOut = Extension.create({
  name: 'caretBlockLaidOut',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: caretBlockKey,
      state: {
        init: (_config, state) => caretBlockDecorations(state),
        apply: (tr, previous, oldState, newState) =>
          !tr.docChanged && tr.selection.$head.sameParent(oldState.selection.$head) ? previous : caretBlockDecorations(newState),
      },
      props: { decorations: (state) => caretBlockKey.getState(state) },
    }),
  ],
})
