import type { Page } from 'playwright-core'
import { EDITOR } from '../chromium.js'
import type { Place } from './plan.js'

/**
 * What the monkey reads from and sets in a page, through the editor Tiptap keeps on its DOM element and the
 * Y.Doc its Collaboration extension holds. Installed as plain JavaScript source, so nothing the test runner
 * compiles (helpers it injects into functions) has to exist in the page.
 */
const PROBE = `window.__monkey = {
  editor() { return document.querySelector(${JSON.stringify(EDITOR)}).editor },
  ydoc() { return this.editor().extensionManager.extensions.find((e) => e.name === 'collaboration').options.document },
  /** This page's Yjs client id and the next clock it will use. */
  clock() {
    const doc = this.ydoc()
    const structs = doc.store.clients.get(doc.clientID) || []
    const last = structs[structs.length - 1]
    return { client: doc.clientID, clock: last ? last.id.clock + last.length : 0 }
  },
  /** Selects \`length\` characters of a block from a place (fractions of the document), or as many as it has. */
  place(blockFraction, offsetFraction, length) {
    const editor = this.editor()
    const doc = editor.state.doc
    const index = Math.min(doc.childCount - 1, Math.floor(blockFraction * doc.childCount))
    let start = 0
    for (let i = 0; i < index; i++) start += doc.child(i).nodeSize
    const block = doc.child(index)
    if (!block.isTextblock) {
      editor.commands.focus(start + block.nodeSize)
      return { from: editor.state.selection.from, to: editor.state.selection.to }
    }
    const size = block.content.size
    // A selection that would run past the end of the block ends there instead (so the end of a paragraph,
    // the hot spot, selects its last characters).
    const end = start + 1 + size
    const from = Math.max(start + 1, Math.min(start + 1 + Math.min(size, Math.floor(offsetFraction * (size + 1))), end - length))
    const to = Math.min(from + length, end)
    editor.chain().focus().setTextSelection({ from, to }).run()
    return { from: editor.state.selection.from, to: editor.state.selection.to }
  },
  focus() { this.editor().commands.focus() },
  beforeCaret() {
    const { $from } = this.editor().state.selection
    return $from.parent.textBetween(Math.max(0, $from.parentOffset - 30), $from.parentOffset, undefined, '\ufffc')
  },
}`

/** Installs the probe (again after each navigation). */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE)
}

export function pageClock(page: Page): Promise<{ client: number; clock: number }> {
  return page.evaluate('window.__monkey.clock()') as Promise<{ client: number; clock: number }>
}

/** Puts the selection at `place` (the hot spot is the end of the first block), selecting `length` characters. */
export function placeSelection(page: Page, place: Place, length = 0): Promise<{ from: number; to: number }> {
  const [block, offset] = place.kind === 'hot' ? [0, 1] : [place.block, place.offset]
  return page.evaluate(`window.__monkey.place(${block}, ${offset}, ${length})`) as Promise<{ from: number; to: number }>
}

/** Gives the editor the keyboard focus without moving its selection. */
export async function focusEditor(page: Page): Promise<void> {
  await page.evaluate('window.__monkey.focus()')
}

/** Up to 30 characters of the caret's block before the caret (an inline node shows as U+FFFC). */
export function textBeforeCaret(page: Page): Promise<string> {
  return page.evaluate('window.__monkey.beforeCaret()') as Promise<string>
}
