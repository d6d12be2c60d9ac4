import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SqliteStorage } from '../../../server/storage/SqliteStorage.js'
import { tempDir } from '../../helpers/tempDir.js'

/** The schema files had before versioned migrations (user_version 0). */
const UNVERSIONED_SCHEMA = `
CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER);
CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, data BLOB NOT NULL);
CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
`

test('a file from before accounts is migrated in place: documents and their content kept, account tables added', async () => {
  const file = join(tempDir(), 'caucus.sqlite')
  const old = new Database(file)
  old.exec(UNVERSIONED_SCHEMA)
  old.prepare('INSERT INTO documents VALUES (?, ?, 1, 2, NULL)').run('kept', 'Kept statement')
  old.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)').run('kept', Buffer.from([1, 2, 3]))
  old.close()

  const storage = new SqliteStorage(file)
  expect(await storage.getDocument('kept')).toMatchObject({ title: 'Kept statement' })
  expect((await storage.loadUpdates('kept')).map((update) => [...update])).toEqual([[1, 2, 3]])
  expect(storage.database.pragma('user_version', { simple: true })).toBe(3)
  const tables = storage.database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['users', 'sessions', 'access_tokens', 'invitations', 'doc_members', 'share_links', 'doc_versions', 'doc_version_votes']))
  await storage.close()
  // Opening again runs nothing twice.
  const again = new SqliteStorage(file)
  expect(await again.getDocument('kept')).toMatchObject({ title: 'Kept statement' })
  await again.close()
})

test('a file written by a newer Caucus is refused rather than misread', () => {
  const file = join(tempDir(), 'caucus.sqlite')
  const newer = new Database(file)
  newer.pragma('user_version = 99')
  newer.close()
  expect(() => new SqliteStorage(file)).toThrow(/newer Caucus/)
})
