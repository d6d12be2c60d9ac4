/**
 * Hocuspocus with its defaults (debounced stores, no extensions). With BENCH_STORE_DIR set, its stock
 * SQLite extension persists documents; its own SIGTERM handler flushes pending stores before exiting.
 */
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'
import { join } from 'node:path'

const storeDir = process.env.BENCH_STORE_DIR
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: storeDir ? [new SQLite({ database: join(storeDir, 'hocuspocus.sqlite') })] : [],
})
await server.listen()
console.log(`hocuspocus listening on 127.0.0.1:${server.address.port}`)
