import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'

/** The PostgreSQL the `caucus-pg` target keeps its data in (trust auth, as the tests'); `BENCH_DATABASE_URL` points elsewhere. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** Where a data folder records its schema, so a server restarted on the same folder finds the same data. */
const schemaFile = (dataDir: string) => join(dataDir, 'postgres-schema')

async function run(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * The `DATABASE_URL` of a server on `dataDir`: a fresh schema the first time (its name kept in the folder), the
 * same one after a restart. `dropBenchSchema` removes it.
 */
export async function benchDatabaseUrl(dataDir: string): Promise<string> {
  let schema = existsSync(schemaFile(dataDir)) ? readFileSync(schemaFile(dataDir), 'utf8') : null
  if (schema === null) {
    schema = `caucus_bench_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
    await run(`CREATE SCHEMA "${schema}"`)
    writeFileSync(schemaFile(dataDir), schema)
  }
  return `${BENCH_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
}

/** Drops the schema of `dataDir`, if a `caucus-pg` server used it (called before the folder is removed). */
export async function dropBenchSchema(dataDir: string): Promise<void> {
  if (!existsSync(schemaFile(dataDir))) return
  await run(`DROP SCHEMA IF EXISTS "${readFileSync(schemaFile(dataDir), 'utf8')}" CASCADE`)
}
