import pg from 'pg'

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws.
 * A connection that failed in any other way than an error PostgreSQL reported (a reset, a timeout, a lost reply)
 * is in an unknown state: it is closed rather than returned to the pool, and the server rolls back on its own.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  // While a connection is checked out the pool does not listen for its errors: one that breaks between two
  // queries would be an unhandled 'error' event, which ends the process.
  let broken: Error | undefined
  const onError = (error: Error) => (broken ??= error)
  client.on('error', onError)
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    if (error instanceof pg.DatabaseError && !broken) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError))
    } else {
      broken ??= error instanceof Error ? error : new Error(String(error))
    }
    throw error
  } finally {
    client.off('error', onError)
    client.release(broken)
  }
}

/** A BIGINT column as a number: pg hands BIGINT over as a string; our values (milliseconds, seqs) fit a double. */
export const num = (value: string | number): number => Number(value)

/** The same, keeping NULL. */
export const numOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value))
