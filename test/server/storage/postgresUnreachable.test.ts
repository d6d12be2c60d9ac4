import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, onTestFinished, test } from 'vitest'
import { PostgresStorage, type PostgresTimeouts } from '../../../server/storage/PostgresStorage.js'
import { inTransaction } from '../../../server/storage/pgTransaction.js'
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL, testDatabaseUrl } from '../../helpers/postgres.js'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.js'

/** A PostgresStorage in its own schema that reaches PostgreSQL only through a proxy the test controls. */
async function storageBehindProxy(timeouts: Partial<PostgresTimeouts> = {}): Promise<{ storage: PostgresStorage; proxy: TcpProxy }> {
  const { schema, drop } = await createTestSchema()
  onTestFinished(drop)
  const proxy = await startTcpProxy(Number(new URL(TEST_DATABASE_URL).port || 5432))
  const storage = await PostgresStorage.open({ connectionString: testDatabaseUrl(schema, { port: proxy.port }), max: 2, timeouts })
  onTestFinished(() => storage.close().catch(() => {}))
  return { storage, proxy }
}

describe.runIf(await postgresAvailable())('PostgreSQL that stops answering', () => {
  test('a connection that breaks between two queries of a transaction fails it without an unhandled error, and the pool recovers', async () => {
    const { storage, proxy } = await storageBehindProxy()
    const unhandled: unknown[] = []
    const record = (error: unknown) => unhandled.push(error)
    process.on('uncaughtException', record)
    onTestFinished(() => void process.off('uncaughtException', record))

    const transaction = inTransaction(storage.pool, async (client) => {
      await client.query('SELECT 1')
      proxy.cut()
      // The reset arrives while no query is running: the moment the pool does not cover.
      await sleep(200)
      await client.query('SELECT 2')
    })
    await expect(transaction).rejects.toThrow()
    expect(unhandled).toEqual([])
    proxy.restore()
    await storage.createDocument({ id: 'after', title: 'After the break', now: 1000 })
    expect((await storage.getDocument('after'))?.title).toBe('After the break')
  })

  test('with nothing answering, connecting and reading give up (connectionTimeoutMillis, query_timeout) instead of waiting for ever', async () => {
    const { storage, proxy } = await storageBehindProxy({ connectionTimeoutMillis: 500, query_timeout: 500 })
    await storage.createDocument({ id: 'a', title: 'A', now: 1000 })

    // Open connections stay, but their replies never come.
    proxy.pause()
    await expect(storage.getDocument('a')).rejects.toThrow(/timeout/i)
    // Connections reset, and new ones accepted but never answered.
    proxy.cut('blackhole')
    await expect(storage.appendUpdate('a', new Uint8Array([0, 0]), 1000)).rejects.toThrow(/timeout/i)

    proxy.restore()
    expect((await storage.getDocument('a'))?.title).toBe('A')
  })
})
