import { describe, expect, test } from 'vitest'
import { readConfig } from '../../../server/config.js'
import { describeStorage, openStorage } from '../../../server/storage/openStorage.js'
import { PostgresStorage } from '../../../server/storage/PostgresStorage.js'
import { SqliteStorage } from '../../../server/storage/SqliteStorage.js'
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from '../../helpers/postgres.js'
import { tempDir } from '../../helpers/tempDir.js'

test('without DATABASE_URL the SQLite file in the data directory is the storage', async () => {
  const config = readConfig({ CAUCUS_DATA_DIR: tempDir() })
  expect(config.databaseUrl).toBeNull()
  const storage = await openStorage(config)
  expect(storage).toBeInstanceOf(SqliteStorage)
  await storage.close()
})

test('a DATABASE_URL that is not a PostgreSQL URL stops the server with the variable named', () => {
  expect(() => readConfig({ DATABASE_URL: 'mysql://localhost/caucus' })).toThrow(/DATABASE_URL/)
  expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/)
})

test('the start-up line names the database but never its password', () => {
  const config = readConfig({ DATABASE_URL: 'postgres://caucus:s3cret@db.example:5433/caucus' })
  expect(describeStorage(config)).toBe('data: PostgreSQL db.example:5433/caucus')
})

describe.runIf(await postgresAvailable())('with PostgreSQL', () => {
  test('DATABASE_URL set: the storage is PostgreSQL, migrated and usable', async () => {
    const { schema, drop } = await createTestSchema()
    try {
      // The URL's own options select the run's schema, as an operator could select one.
      const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
      const storage = await openStorage(readConfig({ DATABASE_URL: url }))
      try {
        expect(storage).toBeInstanceOf(PostgresStorage)
        await storage.createDocument({ id: 'a', title: 'Here', now: 1 })
        expect((await storage.getDocument('a'))?.title).toBe('Here')
      } finally {
        await storage.close()
      }
    } finally {
      await drop()
    }
  })
})
