import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('the stored log is folded into a snapshot as it grows, and the document reads the same after a restart', async () => {
  const compactAfter = 5
  const server = await startTestServer({ collab: { compactAfter } })
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)

  const body = bodyText(writer.doc)
  const commits = 23
  for (let i = 0; i < commits; i++) {
    body.insert(body.length, `edit ${i}\n`)
    // Deletions too, so the snapshot has garbage-collected content to leave out.
    if (i % 4 === 3) body.delete(0, 'edit 0\n'.length)
    // One commit per edit: wait for each to be acknowledged before making the next.
    await waitFor(() => writer.saved!.isAllSaved(), { message: `edit ${i} to be saved` })
  }
  const expected = body.toString()
  writer.destroy()
  await server.close()

  // Read the file directly: without compaction there would be one entry per commit.
  const storage = new SqliteStorage(join(server.dataDir, 'caucus.sqlite'))
  const log = await storage.loadUpdates(docId)
  await storage.close()
  expect(log.length).toBeGreaterThan(0)
  expect(log.length).toBeLessThan(compactAfter)

  const restarted = await startTestServer({ dataDir: server.dataDir, collab: { compactAfter } })
  const reader = connectClient(restarted.wsUrl, docId)
  await waitForSync(reader.provider)
  expect(bodyString(reader.doc)).toBe(expected)
})
