import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { PostgresAccountStore } from '../../../server/auth/PostgresAccountStore.js'
import { SqliteAccountStore } from '../../../server/auth/SqliteAccountStore.js'
import { PostgresStorage } from '../../../server/storage/PostgresStorage.js'
import { SqliteStorage } from '../../../server/storage/SqliteStorage.js'
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from '../../helpers/postgres.js'
import { tempDir } from '../../helpers/tempDir.js'

const run = promisify(execFile)

/** A SQLite install with an account, a document with a log, a session, a token and a share link. */
async function sqliteInstall(): Promise<string> {
  const dir = tempDir()
  const storage = new SqliteStorage(join(dir, 'caucus.sqlite'))
  const accounts = new SqliteAccountStore(storage.database)
  const user = { id: 'u1', email: 'Ana@example.org', name: 'Ana', passwordHash: 'hash', createdAt: 1_764_000_000_000 }
  await accounts.createAccount({ user, signupOpen: true, invitationHash: null })
  await storage.createDocument({ id: 'd1', title: 'Moved', now: 1_764_000_000_001 })
  await accounts.addMember('d1', 'u1', 'owner', 1_764_000_000_002)
  for (const byte of [1, 2, 3]) await storage.appendUpdate('d1', new Uint8Array([byte, byte]), 1_764_000_000_003)
  await accounts.createSession({ id: 's1', secretHash: 'sh', userId: 'u1', createdAt: 1_764_000_000_004, expiresAt: 9_999_999_999_999 })
  await accounts.createToken({ id: 't1', secretHash: 'th', userId: 'u1', name: 'cli', createdAt: 1_764_000_000_005, lastUsedAt: null })
  await accounts.createShareLink({ id: 'l1', secretHash: 'lh', docId: 'd1', role: 'viewer', createdBy: 'u1', createdAt: 1_764_000_000_006 })
  const ana = { userId: 'u1', name: 'Ana' }
  const version = { name: 'Draft', kind: 'named' as const, title: 'Moved', now: 1_764_000_000_007, createdBy: ana, editors: [ana], restoredFrom: null }
  await storage.versions.create('d1', { ...version, state: new Uint8Array([7, 7]), snapshot: new Uint8Array([8]) })
  await storage.versions.propose('d1', 1, { name: 'Final', proposedAt: 1_764_000_000_008, proposedBy: ana, contentHash: 'ab'.repeat(32) })
  await storage.versions.setVote({ docId: 'd1', number: 1, voter: ana, vote: 'approve', comment: 'Yes', votedAt: 1_764_000_000_009 })
  await storage.close()
  return dir
}

const urlFor = (schema: string) => `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`

describe.runIf(await postgresAvailable())('npm run migrate-storage', () => {
  test('copies documents, logs, versions, votes, accounts, sessions, tokens, members and links into an empty PostgreSQL, and then refuses it as not empty', async () => {
    const dir = await sqliteInstall()
    const { schema, drop } = await createTestSchema()
    try {
      const cli = ['tsx', 'server/migrateStorageCli.ts', '--from', `sqlite:${dir}`, '--to', urlFor(schema)]
      const { stdout } = await run('npx', cli)
      expect(stdout).toMatch(/3 doc_updates/)

      const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema })
      try {
        const accounts = new PostgresAccountStore(storage.pool)
        expect(await storage.getDocument('d1')).toMatchObject({ title: 'Moved', createdAt: 1_764_000_000_001 })
        expect((await storage.loadUpdates('d1')).map((u) => Array.from(u))).toEqual([[1, 1], [2, 2], [3, 3]])
        expect(await accounts.findUserByEmail('ana@example.org')).toMatchObject({ id: 'u1', isAdmin: true, passwordHash: 'hash' })
        expect((await accounts.findSession('sh', 1_764_000_000_010))?.user.id).toBe('u1')
        expect((await accounts.findToken('th', 1_764_000_000_010))?.token.name).toBe('cli')
        expect(await accounts.roleOf('d1', 'u1')).toBe('owner')
        expect((await accounts.findShareLink('lh'))?.role).toBe('viewer')
        expect(await storage.versions.get('d1', 1)).toMatchObject({ name: 'Final', kind: 'proposed', editors: [{ userId: 'u1', name: 'Ana' }], proposal: { contentHash: 'ab'.repeat(32) } })
        expect(Array.from((await storage.versions.content('d1', 1))!.state)).toEqual([7, 7])
        expect(await storage.versions.votes('d1', 1)).toMatchObject([{ vote: 'approve', comment: 'Yes', votedAt: 1_764_000_000_009 }])
        // Appends after the move continue the log after the copied entries.
        await storage.appendUpdate('d1', new Uint8Array([4]), 1_764_000_000_011)
        expect((await storage.loadUpdates('d1')).at(-1)).toEqual(new Uint8Array([4]))
      } finally {
        await storage.close()
      }

      const again = run('npx', cli)
      await expect(again).rejects.toMatchObject({ stderr: expect.stringMatching(/not empty/) })
    } finally {
      await drop()
    }
  })

  test('a missing source is an error, not an empty install copied', async () => {
    const { schema, drop } = await createTestSchema()
    try {
      const cli = ['tsx', 'server/migrateStorageCli.ts', '--from', `sqlite:${join(tempDir(), 'nothing')}`, '--to', urlFor(schema)]
      await expect(run('npx', cli)).rejects.toMatchObject({ stderr: expect.stringMatching(/No Caucus data/) })
    } finally {
      await drop()
    }
  })
})
