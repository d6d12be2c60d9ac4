import { expect, test } from 'vitest'
import type { VersionInfo } from '../../../shared/versions/versionApi.js'
import { postgresAvailable } from '../../helpers/postgres.js'
import { redisAvailable, TEST_REDIS_URL } from '../../helpers/redis.js'
import { appendParagraph, paragraphTexts } from '../../helpers/statementBody.js'
import { tempDir } from '../../helpers/tempDir.js'
import { addMember } from '../../helpers/testAuth.js'
import { createDoc, startTestServer, type TestServer } from '../../helpers/testServer.js'
import { getVersion, listVersions } from '../../helpers/versionsApi.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

const LONG = 10 * 60_000

const versionsOf = async (server: TestServer, docId: string) => (await listVersions(server.url, docId)).versions

/** Polls until the document has at least `count` versions; returns them, newest first. */
async function versionsAtLeast(server: TestServer, docId: string, count: number, message: string): Promise<VersionInfo[]> {
  let versions: VersionInfo[] = []
  await waitFor(async () => (versions = await versionsOf(server, docId)).length >= count, { message })
  return versions
}

test('after a pause in editing an automatic version is taken, naming everyone who wrote since the last one', async () => {
  const server = await startTestServer({ collab: { versions: { idleMs: 150, maxIntervalMs: LONG } } })
  const docId = await createDoc(server.url, 'Pause')
  const ben = await server.signUp('Ben Ortiz')
  await addMember(server.url, docId, ben, 'editor')
  const writer = connectClient(server.wsUrl, docId)
  const other = connectClient(server.wsUrl, docId, { auth: ben })
  await Promise.all([waitForSync(writer.provider), waitForSync(other.provider)])
  appendParagraph(writer.doc, 'First words.')
  appendParagraph(other.doc, 'Second words.')

  const [version] = await versionsAtLeast(server, docId, 1, 'an automatic version after the pause')
  expect(version).toMatchObject({ number: 1, kind: 'auto', name: null, createdBy: null, title: 'Pause' })
  expect(version!.editors.map((editor) => editor.name).sort()).toEqual(['Ben Ortiz', 'Test Writer'])
  const content = await getVersion(server.url, docId, 1)
  expect(JSON.stringify(content.statement)).toContain('Second words.')
})

test('while people keep typing, a version is still taken every so often', async () => {
  // The pause never comes (the idle delay is long): only the interval can take these versions.
  const server = await startTestServer({ collab: { versions: { idleMs: LONG, maxIntervalMs: 300 } } })
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId)
  await waitForSync(writer.provider)
  let typing = true
  const typist = (async () => {
    for (let i = 0; typing; i++) {
      appendParagraph(writer.doc, `word ${i}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  try {
    const versions = await versionsAtLeast(server, docId, 2, 'two versions taken while typing goes on')
    expect(versions.every((version) => version.kind === 'auto')).toBe(true)
  } finally {
    typing = false
    await typist
  }
})

test('edits not in a version yet get one when the last person leaves and the room is unloaded', async () => {
  const server = await startTestServer({ collab: { versions: { idleMs: LONG, maxIntervalMs: LONG } } })
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  appendParagraph(writer.doc, 'Written, then the tab was closed.')
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the edit to be saved' })
  expect(await versionsOf(server, docId)).toEqual([])
  writer.destroy()
  const versions = await versionsAtLeast(server, docId, 1, 'the version taken when the room unloads')
  expect(versions.map((version) => [version.number, version.kind, version.editors.map((editor) => editor.name)])).toEqual([[1, 'auto', ['Test Writer']]])
})

const services = (await postgresAvailable()) && (await redisAvailable())

test.runIf(services)('two processes holding one document on PostgreSQL and Redis take its automatic version once', async () => {
  const dataDir = tempDir()
  const options = { postgres: true, dataDir, redisUrl: TEST_REDIS_URL, collab: { versions: { idleMs: 200, maxIntervalMs: LONG } } }
  const [first, second] = [await startTestServer(options), await startTestServer(options)]
  const docId = await createDoc(first.url)
  const [alice, bob] = [connectClient(first.wsUrl, docId), connectClient(second.wsUrl, docId)]
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])
  // Both processes have edits of their own clients, so both take an automatic version after the pause.
  appendParagraph(alice.doc, 'From Alice, on the first process.')
  appendParagraph(bob.doc, 'From Bob, on the second.')
  await waitFor(() => paragraphTexts(alice.doc).length === 2 && paragraphTexts(bob.doc).length === 2, { message: 'both edits on both processes' })

  const histories = await Promise.all([first, second].map(async (server) => (await server.server.collab.rooms.peek(docId))!.history!))
  await waitFor(() => histories.every((history) => !history.hasUntakenEdits), { message: 'both processes to take their automatic version' })
  await Promise.all(histories.map((history) => history.settled()))
  const versions = await versionsOf(first, docId)
  expect(versions.map((version) => [version.number, version.kind])).toEqual([[1, 'auto']])
  expect(JSON.stringify((await getVersion(second.url, docId, 1)).statement)).toContain('From Bob')
})
