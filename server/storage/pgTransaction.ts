import type pg from 'pg'

/** Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** A BIGINT column as a number: pg hands BIGINT over as a string; our values (milliseconds, seqs) fit a double. */
export const num = (value: string | number): number => Number(value)

/** The same, keeping NULL. */
export const numOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value))
