import pg from 'pg'
import { onTestFinished } from 'vitest'
import { PostgresStorage } from '../../server/storage/PostgresStorage.js'

/** The machine's PostgreSQL (trust auth); `TEST_DATABASE_URL` points elsewhere. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Whether the test PostgreSQL answers. Without it, tests that need it are skipped with one loud line on a
 * laptop, but under CI=true its absence is a failure, never a silent skip.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is not reachable at ${TEST_DATABASE_URL}: ${reason}`)
    console.warn(`\n*** SKIPPING PostgreSQL tests: ${TEST_DATABASE_URL} is not reachable (${reason}) ***\n`)
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** A fresh, empty schema for one test run; `drop` removes it and everything in it. */
export async function createTestSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `caucus_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`)
  } finally {
    await admin.end()
  }
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA "${schema}" CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * The test database's URL, working in `schema`: pg reads libpq's `options` parameter from the URL and sends it
 * at connection start, so `?options=-c search_path=<schema>` is all a server started with `DATABASE_URL` needs.
 * `port` sends it through another port of 127.0.0.1 (a tcpProxy in front of PostgreSQL).
 */
export function testDatabaseUrl(schema: string, options: { port?: number } = {}): string {
  const url = new URL(TEST_DATABASE_URL)
  if (options.port !== undefined) url.port = String(options.port)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

/** The schema of each test data directory, so a restarted server ("the same data dir") finds the same database. */
const schemaOfDataDir = new Map<string, string>()

/**
 * A PostgresStorage standing in for a test server's SQLite file: its own schema per data directory, created on
 * first use and dropped when the test finishes (registered before the server's close, so it runs after it).
 */
export async function postgresStorageFor(dataDir: string): Promise<PostgresStorage> {
  let schema = schemaOfDataDir.get(dataDir)
  if (!schema) {
    const created = await createTestSchema()
    schema = created.schema
    schemaOfDataDir.set(dataDir, schema)
    onTestFinished(async () => {
      schemaOfDataDir.delete(dataDir)
      await created.drop()
    })
  }
  return PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, max: 4 })
}
