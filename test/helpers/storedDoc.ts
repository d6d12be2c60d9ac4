import { join } from 'node:path'
import * as Y from 'yjs'
import { PostgresStorage } from '../../server/storage/PostgresStorage.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Storage } from '../../server/storage/Storage.js'
import { TEST_DATABASE_URL } from './postgres.js'

/** A document rebuilt from its stored log, as a server loading it would. */
async function docFromLog(storage: Storage, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of await storage.loadUpdates(docId)) Y.applyUpdate(doc, update)
  return doc
}

/** What storage holds for a document, read from the database file by a second reader (as after a restart). */
export async function storedDoc(dataDir: string, docId: string): Promise<Y.Doc> {
  const reader = new SqliteStorage(join(dataDir, 'caucus.sqlite'))
  try {
    return await docFromLog(reader, docId)
  } finally {
    await reader.close()
  }
}

/** The same from a test schema of the test PostgreSQL, over a connection of its own (never a test's proxy). */
export async function storedPostgresDoc(schema: string, docId: string): Promise<Y.Doc> {
  const reader = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, max: 1 })
  try {
    return await docFromLog(reader, docId)
  } finally {
    await reader.close()
  }
}
