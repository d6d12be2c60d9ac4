/**
 * Diagnostic only (`--targets caucus-mem`): the same Caucus server through `listen()`, on an in-memory SQLite
 * database. Nothing is durable here; comparing it with `caucus` shows what the durable writes cost.
 */
import { listen } from '../../server/listen.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'

const server = await listen({ storage: new SqliteStorage(':memory:'), port: 0, host: '127.0.0.1' })
console.log(`caucus (in-memory SQLite) listening on ${server.url}`)
const stop = async () => {
  await server.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
