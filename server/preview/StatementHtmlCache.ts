import type * as Y from 'yjs'
import { StatementRenderer, type StatementHtml } from './statementHtml.js'

/**
 * One renderer per live document (a room's Y.Doc), which keeps each block's rendering until an edit changes
 * that block. It goes when the room's document does.
 */
export class StatementHtmlCache {
  private readonly renderers = new WeakMap<Y.Doc, StatementRenderer>()

  render(doc: Y.Doc): StatementHtml {
    let renderer = this.renderers.get(doc)
    if (!renderer) this.renderers.set(doc, (renderer = new StatementRenderer(doc)))
    return renderer.render()
  }
}
