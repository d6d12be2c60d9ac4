import { join } from 'node:path'
import pg from 'pg'
import { PostgresStorage } from '../../../server/storage/PostgresStorage.js'
import { SqliteStorage } from '../../../server/storage/SqliteStorage.js'
import type { Storage } from '../../../server/storage/Storage.js'
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from '../../helpers/postgres.js'
import { tempDir } from '../../helpers/tempDir.js'

/** One empty database of one engine, for one test. */
export interface EngineDatabase {
  /** A new connection to the same database, as a separate process would open it (migrating on open). */
  open(): Promise<Storage>
  /** Marks the database as written by a newer Caucus (schema version `version`). */
  setSchemaVersion(version: number): Promise<void>
  /** Removes the database (its schema, or its directory). */
  drop(): Promise<void>
}

export interface Engine {
  name: string
  /** Whether it can run here (PostgreSQL may be absent on a laptop; see `postgresAvailable`). */
  available: boolean
  create(): Promise<EngineDatabase>
}

const sqlite: Engine = {
  name: 'sqlite',
  available: true,
  async create() {
    const file = join(tempDir(), 'caucus.sqlite')
    return {
      open: async () => new SqliteStorage(file),
      async setSchemaVersion(version) {
        const storage = new SqliteStorage(file)
        storage.database.pragma(`user_version = ${version}`)
        await storage.close()
      },
      drop: async () => {}, // tempDir removes the directory when the test finishes.
    }
  },
}

const postgres: Engine = {
  name: 'postgres',
  available: await postgresAvailable(),
  async create() {
    const { schema, drop } = await createTestSchema()
    return {
      // A small pool, so racing tests really queue on connections as a busy server would.
      open: () => PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, max: 4 }),
      async setSchemaVersion(version) {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
        await client.connect()
        try {
          await client.query(`UPDATE "${schema}".schema_version SET version = $1`, [version])
        } finally {
          await client.end()
        }
      },
      drop,
    }
  },
}

export const ENGINES: readonly Engine[] = [sqlite, postgres]
