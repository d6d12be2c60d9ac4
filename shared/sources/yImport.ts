import type * as Y from 'yjs'
import type { CslItem } from './cslTypes.js'
import { deepEqual } from './plainData.js'
import { newSourceId } from './sourceIds.js'
import { readSource, sourcesMap, writeSource } from './ySources.js'

/** What an import did to a document's sources. */
export interface ImportOutcome {
  /** The id each imported item has in the document, in the order of the import. */
  ids: string[]
  /** Imported id → the fresh id the item was given, because a different source already had its id. */
  renamed: Record<string, string>
  /** Ids of items the document already held, identical, and which were therefore left as they were. */
  unchanged: string[]
}

/**
 * Writes validated items (see `validateCslImport`) into the document's sources, in one transaction.
 * An item whose id is free is added as it is. When the id is taken, an identical source is kept (so importing
 * the same file twice adds nothing), and a different one is never overwritten: the imported item gets a
 * fresh id instead, reported in `renamed`, because citations in the text point at the existing source.
 */
export function importSources(doc: Y.Doc, items: readonly CslItem[], origin?: unknown): ImportOutcome {
  const ids: string[] = []
  // A Map, so an id such as "__proto__" is an ordinary key.
  const renamed = new Map<string, string>()
  const unchanged: string[] = []
  doc.transact(() => {
    const sources = sourcesMap(doc)
    for (const item of items) {
      if (!sources.has(item.id)) {
        writeSource(doc, item, origin)
        ids.push(item.id)
      } else if (deepEqual(readSource(doc, item.id), item)) {
        unchanged.push(item.id)
        ids.push(item.id)
      } else {
        let fresh = newSourceId()
        while (sources.has(fresh)) fresh = newSourceId()
        writeSource(doc, { ...item, id: fresh }, origin)
        renamed.set(item.id, fresh)
        ids.push(fresh)
      }
    }
  }, origin)
  return { ids, renamed: Object.fromEntries(renamed), unchanged }
}
