import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}\n`).join('')

test('after a restart a new client gets the document whole, exactly once', async () => {
  const first = await startTestServer()
  const docId = await createDoc(first.url)
  const writer = connectClient(first.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  const body = bodyText(writer.doc)
  for (let i = 0; i < 50; i++) body.insert(body.length, `line ${i}\n`)
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the edits to be acknowledged as saved' })
  writer.destroy()
  await first.close()

  const second = await startTestServer({ dataDir: first.dataDir })
  const reader = connectClient(second.wsUrl, docId)
  await waitForSync(reader.provider)
  expect(bodyString(reader.doc)).toBe(lines(0, 50))
})

test('a client connected across a restart reconnects with its own state and nothing is duplicated', async () => {
  const first = await startTestServer()
  const docId = await createDoc(first.url)
  // The same port again later, so this provider finds the new server the way a browser tab would.
  const port = first.server.port
  const doc = new Y.Doc()
  const writer = connectClient(first.wsUrl, docId, { doc, maxBackoffTime: 200 })
  await waitForSync(writer.provider)
  const body = bodyText(doc)
  for (let i = 0; i < 50; i++) body.insert(body.length, `line ${i}\n`)

  // close() saves open documents before it stops: a graceful restart loses nothing.
  await first.close()
  await waitFor(() => !writer.provider.wsconnected, { message: 'the writer to notice the server went away' })
  // Typed while the server was down: the client must bring this with it.
  for (let i = 50; i < 60; i++) body.insert(body.length, `line ${i}\n`)

  const second = await startTestServer({ dataDir: first.dataDir, port })
  await waitForSync(writer.provider, 15_000)
  // A second client starting empty shows what the server holds once the reconnected writer's edits arrived.
  const reader = connectClient(second.wsUrl, docId)
  await waitForSync(reader.provider)
  await waitFor(() => bodyString(reader.doc).length === lines(0, 60).length, {
    message: () => `the reader to receive the offline edits (has ${bodyString(reader.doc).length} chars)`,
  })
  expect(bodyString(reader.doc)).toBe(lines(0, 60))
  expect(body.toString()).toBe(lines(0, 60))

  // And the stored document itself holds it once: a third server sees the same text.
  writer.destroy()
  reader.destroy()
  await second.close()
  const third = await startTestServer({ dataDir: first.dataDir })
  const checker = connectClient(third.wsUrl, docId)
  await waitForSync(checker.provider)
  expect(bodyString(checker.doc)).toBe(lines(0, 60))
})
