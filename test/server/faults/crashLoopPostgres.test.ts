import { describe, onTestFinished, test } from 'vitest'
import { createTestSchema, postgresAvailable, testDatabaseUrl } from '../../helpers/postgres.js'
import { storedPostgresDoc } from '../../helpers/storedDoc.js'
import { CRASH_LOOP_TIMEOUT_MS, CYCLES, runCrashLoop, WRITERS } from './crashLoop.js'

describe.runIf(await postgresAvailable())('crash loop on PostgreSQL', () => {
  test(
    `${CYCLES} SIGKILL/restart cycles under ${WRITERS} writers asking for acks lose no acknowledged edit and duplicate none`,
    async () => {
      const { schema, drop } = await createTestSchema()
      // Registered before the server starts, so it runs after the server is killed.
      onTestFinished(drop)
      await runCrashLoop({ name: 'postgres', env: { DATABASE_URL: testDatabaseUrl(schema) }, read: (_dataDir, docId) => storedPostgresDoc(schema, docId) })
    },
    CRASH_LOOP_TIMEOUT_MS,
  )
})
