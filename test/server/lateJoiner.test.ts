import { expect, test } from 'vitest'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('a client that joins after the writer left receives the whole document at its first sync', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)

  const writer = connectClient(server.wsUrl, docId)
  await waitForSync(writer.provider)
  const expected = Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join('')
  // Many small transactions, as typing produces: the stored log holds many updates, not one.
  const body = bodyText(writer.doc)
  for (let i = 0; i < 200; i++) body.insert(body.length, `line ${i}\n`)
  expect(body.toString()).toBe(expected)
  writer.destroy()
  // Wait until the room is unloaded, so the late joiner is served from storage, not from memory.
  await waitFor(async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { rooms: number }).rooms === 0, {
    message: 'the room to be unloaded after its last client left',
  })

  const lateJoiner = connectClient(server.wsUrl, docId)
  // Recorded at the moment the provider first reports "synced": an editor would render this state.
  let lengthAtFirstSync: number | null = null
  lateJoiner.provider.once('sync', () => (lengthAtFirstSync = bodyString(lateJoiner.doc).length))
  await waitForSync(lateJoiner.provider)

  expect(lengthAtFirstSync).toBe(expected.length)
  expect(bodyString(lateJoiner.doc)).toBe(expected)
})
