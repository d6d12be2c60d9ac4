import * as Y from 'yjs'
import { renderStatementHtml, type StatementHtml } from './statementHtml.js'

/** How many documents' renderings are kept (a few hundred kB each for long statements). */
const MAX_ENTRIES = 32

/**
 * The last rendering of each recently viewed document, reused while the document has not changed (same
 * state vector: no insertion anywhere; deletions change the delete set, which is compared too).
 */
export class StatementHtmlCache {
  private readonly entries = new Map<string, { key: string; statement: StatementHtml }>()

  render(docId: string, doc: Y.Doc): StatementHtml {
    const key = stateKey(doc)
    const hit = this.entries.get(docId)
    if (hit && hit.key === key) {
      // Most recently used last.
      this.entries.delete(docId)
      this.entries.set(docId, hit)
      return hit.statement
    }
    const statement = renderStatementHtml(doc)
    this.entries.delete(docId)
    this.entries.set(docId, { key, statement })
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
    return statement
  }
}

function stateKey(doc: Y.Doc): string {
  const deletes = Y.encodeSnapshot(Y.snapshot(doc))
  return Buffer.from(deletes).toString('base64')
}
