import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { FlakyStorage } from '../helpers/FlakyStorage.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('a room left by its last client while the server shuts down is folded into one stored entry, not two', async () => {
  let storage: FlakyStorage | undefined
  // A storage that takes its time to write a snapshot, as one across a network would.
  const server = await startTestServer({ storage: (file) => (storage = Object.assign(new FlakyStorage(file), { replaceLogDelayMs: 50 })) })
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  const body = bodyText(writer.doc)
  for (let i = 0; i < 10; i++) {
    body.insert(body.length, `line ${i}\n`)
    await waitFor(() => writer.saved!.isAllSaved(), { message: `line ${i} to be saved` })
  }
  const expected = body.toString()
  // The room starts compacting as its last client leaves; the shutdown asks for the same compaction again.
  writer.destroy()
  await waitFor(() => storage!.replaceLogCalls > 0, { message: 'the compaction on leaving to start' })
  await server.close()

  const reopened = new SqliteStorage(join(server.dataDir, 'caucus.sqlite'))
  const log = await reopened.loadUpdates(docId)
  await reopened.close()
  expect(log).toHaveLength(1)
  const restarted = await startTestServer({ dataDir: server.dataDir })
  const reader = connectClient(restarted.wsUrl, docId)
  await waitForSync(reader.provider)
  expect(bodyString(reader.doc)).toBe(expected)
})
