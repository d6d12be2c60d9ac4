import { Extension } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { Plugin } from '@tiptap/pm/state'
import { UnsupportedNames } from '../../shared/unsupported/unsupportedNodes.js'
import { isRemoteChange } from '../collab/isRemoteChange.js'

/** How many top-level placeholders a document shows (they exist only at the top level). */
function placeholderCount(doc: Node): number {
  let count = 0
  doc.forEach((block) => {
    if (block.type.name === UnsupportedNames.block) count++
  })
  return count
}

/**
 * Content this version cannot show stays in the document: a local edit that would remove a placeholder (a
 * selection deleted across it, Backspace on it, a cut) is not applied. Only collaborators' changes, arriving
 * through Yjs, can change it, and those come from a version that can show it.
 */
export const KeepUnsupportedContent = Extension.create({
  name: 'keepUnsupportedContent',
  addProseMirrorPlugins: () => [
    new Plugin({
      filterTransaction: (tr, state) => {
        if (!tr.docChanged || isRemoteChange(tr)) return true
        const before = placeholderCount(state.doc)
        return before === 0 || placeholderCount(tr.doc) >= before
      },
    }),
  ],
})
