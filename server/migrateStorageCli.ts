import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { copySqliteToPostgres } from './storage/copyToPostgres.js'
import { PostgresStorage } from './storage/PostgresStorage.js'
import { SqliteStorage } from './storage/SqliteStorage.js'

/**
 * `npm run migrate-storage -- --from sqlite:./data --to postgres://…`: moves an install from its SQLite file to
 * PostgreSQL. Stop the server first (a write during the copy would be missed). The SQLite file is only read
 * (after being brought to the current schema, as the server would on start) and stays as it was.
 */
function parseArgs(argv: string[]): { fromDir: string; to: string } {
  const value = (flag: string) => {
    const index = argv.indexOf(flag)
    return index >= 0 ? argv[index + 1] : undefined
  }
  const from = value('--from')
  const to = value('--to')
  if (!from?.startsWith('sqlite:') || !to || !/^postgres(ql)?:\/\//.test(to)) {
    throw new Error('Usage: npm run migrate-storage -- --from sqlite:./data --to postgres://user:password@host:5432/caucus')
  }
  return { fromDir: resolve(from.slice('sqlite:'.length)), to }
}

async function main(): Promise<void> {
  const { fromDir, to } = parseArgs(process.argv.slice(2))
  const file = join(fromDir, 'caucus.sqlite')
  // Opening a missing file would create an empty one, and a typo would then "migrate" nothing.
  if (!existsSync(file)) throw new Error(`No Caucus data at ${file}.`)
  const source = new SqliteStorage(file)
  let target: PostgresStorage | undefined
  try {
    target = await PostgresStorage.open({ connectionString: to })
    const copied = await copySqliteToPostgres(source.database, target)
    console.log(`Copied ${Object.entries(copied).map(([table, n]) => `${n} ${table}`).join(', ')}. Start Caucus with DATABASE_URL set.`)
  } finally {
    await source.close()
    await target?.close()
  }
}

main().catch((error: unknown) => {
  console.error('migrate-storage failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
