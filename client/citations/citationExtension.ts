import { Citation } from '../../shared/citationNode.js'
import type { SourcesStore } from '../sources/SourcesStore.js'
import { citationClipboardPlugin } from './citationClipboard.js'
import { CitationNodeView } from './CitationNodeView.js'

/** The shared Citation node with its browser-only parts: the live node view and clipboard handling. */
export function createCitationExtension(store: SourcesStore) {
  return Citation.extend({
    addNodeView() {
      return (props) => new CitationNodeView(props, store)
    },
    addProseMirrorPlugins() {
      return [...(this.parent?.() ?? []), citationClipboardPlugin(store)]
    },
  })
}
