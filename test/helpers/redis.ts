import { Redis } from 'ioredis'

/** The machine's Redis; `TEST_REDIS_URL` points elsewhere. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Whether the test Redis answers. Without it, tests that need it are skipped with one loud line on a laptop, but
 * under CI=true its absence is a failure, never a silent skip.
 */
export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
    return true
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (process.env.CI === 'true') throw new Error(`CI=true but Redis is not reachable at ${TEST_REDIS_URL}: ${reason}`)
    console.warn(`\n*** SKIPPING Redis tests: ${TEST_REDIS_URL} is not reachable (${reason}) ***\n`)
    return false
  } finally {
    client.disconnect()
  }
}
