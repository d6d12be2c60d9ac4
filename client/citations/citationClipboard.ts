import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { SourcesStore } from '../sources/SourcesStore.js'

function mapFragment(fragment: Fragment, map: (node: ProseMirrorNode) => ProseMirrorNode): Fragment {
  const nodes: ProseMirrorNode[] = []
  fragment.forEach((node) => nodes.push(map(node.copy(mapFragment(node.content, map)))))
  return Fragment.from(nodes)
}

function mapSlice(slice: Slice, map: (node: ProseMirrorNode) => ProseMirrorNode): Slice {
  return new Slice(mapFragment(slice.content, map), slice.openStart, slice.openEnd)
}

/**
 * Citations keep working when copied: on copy each citation carries its source's CSL-JSON on the clipboard;
 * on paste, a source the target document lacks is added to it (after validation), and the carried copy is
 * dropped so the stored node still holds only the id.
 */
export function citationClipboardPlugin(store: SourcesStore): Plugin {
  return new Plugin({
    key: new PluginKey('citationClipboard'),
    props: {
      transformCopied: (slice) =>
        mapSlice(slice, (node) => {
          if (node.type.name !== 'citation') return node
          const source = store.get(node.attrs.sourceId as string | null)
          return source ? node.type.create({ ...node.attrs, clipboardSource: JSON.stringify(source) }) : node
        }),
      transformPasted: (slice) =>
        mapSlice(slice, (node) => {
          if (node.type.name !== 'citation' || !node.attrs.clipboardSource) return node
          const sourceId = node.attrs.sourceId as string | null
          if (sourceId && !store.get(sourceId)) {
            try {
              store.adoptPasted(node.attrs.clipboardSource as string, sourceId)
            } catch {
              // Unreadable clipboard data: the citation is pasted and shows its "missing source" state.
            }
          }
          return node.type.create({ ...node.attrs, clipboardSource: null })
        }),
    },
  })
}
