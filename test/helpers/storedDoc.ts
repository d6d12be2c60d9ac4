import { join } from 'node:path'
import * as Y from 'yjs'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'

/** What storage holds for a document, read from the database file by a second reader (as after a restart). */
export async function storedDoc(dataDir: string, docId: string): Promise<Y.Doc> {
  const reader = new SqliteStorage(join(dataDir, 'caucus.sqlite'))
  try {
    const doc = new Y.Doc()
    for (const update of await reader.loadUpdates(docId)) Y.applyUpdate(doc, update)
    return doc
  } finally {
    await reader.close()
  }
}
