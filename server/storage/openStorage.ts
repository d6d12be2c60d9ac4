import { join } from 'node:path'
import type { Config } from '../config.js'
import type { LogFunction } from '../ops/logger.js'
import { PostgresStorage } from './PostgresStorage.js'
import { SqliteStorage } from './SqliteStorage.js'
import type { Storage } from './Storage.js'

/** The storage the configuration names: PostgreSQL when `DATABASE_URL` is set, else the SQLite file (the default). */
export async function openStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log?: LogFunction): Promise<Storage> {
  if (config.databaseUrl) return PostgresStorage.open({ connectionString: config.databaseUrl, log })
  return new SqliteStorage(join(config.dataDir, 'caucus.sqlite'))
}

/** Where the data is, for the start-up line (never the password in the URL). */
export function describeStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `data: ${config.dataDir}`
  const url = new URL(config.databaseUrl)
  return `data: PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
}
