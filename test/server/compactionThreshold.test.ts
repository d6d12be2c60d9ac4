import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('a large document is re-encoded only once as many bytes as it holds have been written since', async () => {
  const compactAfter = 5
  const server = await startTestServer({ collab: { compactAfter } })
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  // A second reader of the live file (WAL lets it read while the server writes).
  const reader = new SqliteStorage(join(server.dataDir, 'caucus.sqlite'))
  const entries = async () => (await reader.loadUpdates(docId)).length
  const body = bodyText(writer.doc)
  const edit = async (text: string) => {
    body.insert(body.length, text)
    await waitFor(() => writer.saved!.isAllSaved(), { message: 'the edit to be saved' })
  }

  // Five entries: folded into one snapshot of about 5 kB.
  await edit('x'.repeat(5000))
  for (let i = 0; i < compactAfter - 1; i++) await edit(`small ${i}`)
  expect(await entries()).toBe(1)

  // Many small edits: far fewer bytes than the snapshot, so the log just grows (no 5 kB re-encoding each time).
  for (let i = 0; i < 3 * compactAfter; i++) await edit(`small ${i}`)
  expect(await entries()).toBe(1 + 3 * compactAfter)

  // Once what was written since outweighs the snapshot, it is folded again.
  await edit('y'.repeat(6000))
  expect(await entries()).toBe(1)
  await reader.close()
  writer.destroy()
})
