import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test, vi } from 'vitest'
import { canonicalForm } from '../../../shared/adoption/contentHash.js'
import { SqliteStorage } from '../../../server/storage/SqliteStorage.js'
import { appendParagraph } from '../../helpers/statementBody.js'
import { writeFixtureStatement } from '../../helpers/statementFixture.js'
import { addMember } from '../../helpers/testAuth.js'
import { createDoc, startTestServer, type TestServer } from '../../helpers/testServer.js'
import { adoptionOf, exportVersionBytes, getVersion, nameVersion, proposeVersion, vote } from '../../helpers/versionsApi.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

const run = promisify(execFile)
const root = join(import.meta.dirname, '../../..')
const THREE_DAYS_MS = 3 * 86_400_000

/**
 * A document holding the fixture statement (sources and citations), with its writer staying connected: the room
 * stays loaded, so no automatic version (taken when a room unloads) comes between the versions a test names.
 */
async function fixtureDocument(server: TestServer, title: string): Promise<string> {
  const docId = await createDoc(server.url, title)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  writeFixtureStatement(writer.doc)
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the fixture statement to be saved' })
  return docId
}

/** Adds a paragraph through a stock client and waits until the server has stored it. */
async function edit(server: TestServer, docId: string, text: string): Promise<void> {
  const client = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(client.provider)
  appendParagraph(client.doc, text)
  await waitFor(() => client.saved!.isAllSaved(), { message: `"${text}" to be saved` })
  client.destroy()
}

test('approve version 3, then edit: the approvals stay with version 3; its hash and adopted export are the same after a restart, a compaction and on another day', { timeout: 120_000 }, async () => {
  const server = await startTestServer()
  const docId = await fixtureDocument(server, 'Schools statement')
  const editor = await server.signUp('Eddie Editor')
  await addMember(server.url, docId, editor, 'editor')
  await nameVersion(server.url, docId, 'First draft')
  await edit(server, docId, 'A second paragraph.')
  await nameVersion(server.url, docId, 'Second draft')
  await edit(server, docId, 'A third paragraph, to be adopted.')
  const three = await nameVersion(server.url, docId, 'Draft for the Dec. 5 meeting')
  expect(three.number).toBe(3)

  const proposed = await proposeVersion(server.url, docId, 3, 'Final text for adoption')
  expect(proposed).toMatchObject({ version: 3, name: 'Final text for adoption', adopted: false, approvals: [], objections: [] })
  expect(proposed.contentHash).toMatch(/^[0-9a-f]{64}$/)
  const hash = proposed.contentHash
  // The hash is SHA-256 of the canonical form: the version's notes-style export and its sources' CSL-JSON.
  const plain = (await exportVersionBytes(server.url, docId, 3)).toString('utf8')
  const { sources } = await getVersion(server.url, docId, 3)
  expect(createHash('sha256').update(canonicalForm(plain, sources)).digest('hex')).toBe(hash)

  await vote(server.url, docId, 3, 'approve')
  const adopted = await vote(server.url, docId, 3, 'approve', editor, 'Good to go.')
  expect(adopted).toMatchObject({ version: 3, adopted: true, objections: [] })
  expect(adopted.approvals.map((approval) => [approval.voter.name, approval.comment])).toEqual([
    ['Test Writer', null],
    ['Eddie Editor', 'Good to go.'],
  ])
  expect((await adoptionOf(server.url, docId)).live).toEqual({ contentHash: hash, shortHash: hash.slice(0, 12), matchesProposal: true })

  // The live text changes after the approvals: they are shown as version 3's, and the live hash differs.
  await edit(server, docId, 'A late change nobody approved.')
  const after = await adoptionOf(server.url, docId)
  expect(after.adoption).toMatchObject({ version: 3, name: 'Final text for adoption', contentHash: hash, adopted: true })
  expect(after.adoption!.approvals.map((approval) => approval.voter.name)).toEqual(['Test Writer', 'Eddie Editor'])
  expect(after.live.matchesProposal).toBe(false)
  expect(after.live.contentHash).not.toBe(hash)

  const exported = await exportVersionBytes(server.url, docId, 3, '?adopted=1&frontMatter=1')
  const text = exported.toString('utf8')
  expect(text).toContain('## Adoption')
  expect(text).toContain(`Version 3, “Final text for adoption”, was adopted on `)
  expect(text).toMatch(/with the approval of Test Writer \(\w+ \d+, \d{4}\) and Eddie Editor \(\w+ \d+, \d{4}\)\./)
  expect(text).toContain(`\`${hash.slice(0, 12)}\``)
  expect(text).toContain('A third paragraph, to be adopted.')
  expect(text).not.toContain('A late change')

  // Shut down (the room's log is folded into one entry), check the compaction, and start again another day.
  await server.close()
  const file = new SqliteStorage(join(server.dataDir, 'caucus.sqlite'))
  expect(await file.loadUpdates(docId)).toHaveLength(1)
  await file.close()
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  try {
    vi.setSystemTime(Date.now() + THREE_DAYS_MS)
    const restarted = await startTestServer({ dataDir: server.dataDir })
    expect((await getVersion(restarted.url, docId, 3)).contentHash).toBe(hash)
    expect(Buffer.compare(await exportVersionBytes(restarted.url, docId, 3, '?adopted=1&frontMatter=1'), exported)).toBe(0)
    expect((await adoptionOf(restarted.url, docId)).adoption!.contentHash).toBe(hash)
    await restarted.close()
  } finally {
    vi.useRealTimers()
  }

  // The operator's CLI, in another process and another time zone, writes the very same bytes.
  const env = { ...process.env, CAUCUS_DATA_DIR: server.dataDir, TZ: 'Pacific/Kiritimati' }
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/exportCli.ts', docId, '--adopted', '--front-matter'], { cwd: root, env, encoding: 'buffer' })
  expect(Buffer.compare(stdout, exported)).toBe(0)
})

test('an objection keeps a version from being adopted until it is changed to an approval', async () => {
  const server = await startTestServer()
  const docId = await fixtureDocument(server, 'Objections')
  const editor = await server.signUp('Eddie Editor')
  await addMember(server.url, docId, editor, 'editor')
  await nameVersion(server.url, docId, 'Proposal')
  await proposeVersion(server.url, docId, 1)
  await vote(server.url, docId, 1, 'approve')
  const objected = await vote(server.url, docId, 1, 'object', editor, 'Paragraph 2 overstates it.')
  expect(objected).toMatchObject({ adopted: false, adoptedAt: null })
  expect(objected.objections.map((each) => [each.voter.name, each.comment])).toEqual([['Eddie Editor', 'Paragraph 2 overstates it.']])
  const refused = await fetch(`${server.url}/api/docs/${docId}/versions/1/export.md?adopted=1`, { headers: { cookie: `caucus_session=${server.auth!.session}` } })
  expect(refused.status).toBe(409)
  expect(await refused.json()).toMatchObject({ error: { code: 'not_adopted' } })

  const changed = await vote(server.url, docId, 1, 'approve', editor)
  expect(changed).toMatchObject({ adopted: true, objections: [] })
  expect(changed.approvals.map((each) => each.voter.name)).toEqual(['Test Writer', 'Eddie Editor'])
})
