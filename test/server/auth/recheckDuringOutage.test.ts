import { expect, test } from 'vitest'
import { FlakyStorage } from '../../helpers/FlakyStorage.js'
import { appendParagraph, paragraphTexts } from '../../helpers/statementBody.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

test('a periodic access re-check that cannot reach storage keeps people connected and editing', async () => {
  let storage: FlakyStorage | undefined
  const server = await startTestServer({ storage: (file) => (storage = new FlakyStorage(file)) })
  const docId = await createDoc(server.url)
  const alice = connectClient(server.wsUrl, docId)
  const bob = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])

  // The database stops answering while the server re-checks every connection (it does so every minute).
  storage!.failReads = true
  await server.server.collab.recheckAccess()
  expect(server.server.collab.connectionCount).toBe(2)
  appendParagraph(alice.doc, 'typed during the outage')
  await waitFor(() => paragraphTexts(bob.doc).includes('typed during the outage'), { message: "alice's words to reach bob during the outage" })
  expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true)
  storage!.failReads = false
})
