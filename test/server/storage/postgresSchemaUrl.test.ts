import pg from 'pg'
import { describe, expect, onTestFinished, test } from 'vitest'
import { startChildServer } from '../../helpers/childServer.js'
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL, testDatabaseUrl } from '../../helpers/postgres.js'
import { bodyString, bodyText } from '../../helpers/statementBody.js'
import { tempDir } from '../../helpers/tempDir.js'
import { createDoc } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

/** How many rows `table` of `schema` holds, read with a connection of our own. */
async function countRows(schema: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".${table}`)).rows[0]!.n)
  } finally {
    await client.end()
  }
}

describe.runIf(await postgresAvailable())('DATABASE_URL with a schema in its options', () => {
  test('a server process keeps everything in the schema the URL names, and finds it again when restarted', async () => {
    const { schema, drop } = await createTestSchema()
    onTestFinished(drop)
    const first = await startChildServer(tempDir(), { env: { DATABASE_URL: testDatabaseUrl(schema) } })
    expect(first.output()).toContain('PostgreSQL 127.0.0.1:5432/test')
    const docId = await createDoc(first.url, 'In its own schema')
    const writer = connectClient(first.wsUrl, docId, { savedAcks: true })
    await waitForSync(writer.provider)
    bodyText(writer.doc).insert(0, 'kept in the schema')
    await waitFor(() => writer.saved!.isAllSaved(), { message: 'the edit to be saved' })
    writer.destroy()
    await first.kill('SIGKILL')

    expect(await countRows(schema, 'documents')).toBe(1)
    expect(await countRows(schema, 'users')).toBe(1)
    // The same environment again: the restarted process reads the same schema (not public, not a new one).
    const second = await first.restart()
    const reader = connectClient(second.wsUrl, docId)
    await waitForSync(reader.provider)
    expect(bodyString(reader.doc)).toBe('kept in the schema')
  })
})
