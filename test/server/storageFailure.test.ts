import { expect, test } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.js'
import { FlakyStorage } from '../helpers/FlakyStorage.js'
import { bodyString, bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

async function startFlakyServer(dataDir?: string) {
  let storage: FlakyStorage | undefined
  const server = await startTestServer({
    dataDir,
    storage: (file) => (storage = new FlakyStorage(file)),
    collab: { retryDelayMs: 20 },
  })
  return { server, storage: storage! }
}

const roomCount = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as { rooms: number }).rooms

test('when a document cannot be loaded the client is told 4503 and nothing stored is overwritten', async () => {
  const { server, storage } = await startFlakyServer()
  const docId = await createDoc(server.url)
  const author = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(author.provider)
  bodyText(author.doc).insert(0, 'original text')
  await waitFor(() => author.saved!.isAllSaved(), { message: 'the original text to be saved' })
  author.destroy()
  await waitFor(async () => (await roomCount(server.url)) === 0, { message: 'the room to be unloaded' })

  storage.failLoads = true
  const visitor = connectClient(server.wsUrl, docId, { maxBackoffTime: 100 })
  const closeCodes: number[] = []
  visitor.provider.on('connection-close', (event) => event && closeCodes.push(event.code))
  await waitFor(() => closeCodes.length >= 2, { message: 'the visitor to be refused (and to retry)' })
  expect(new Set(closeCodes)).toEqual(new Set([CloseCode.storageUnavailable]))
  expect(server.logs.some((line) => line.includes(`loading ${docId} failed`))).toBe(true)
  expect(visitor.provider.synced).toBe(false)
  // Typed while refused: kept locally, merged once the server can load the document.
  bodyText(visitor.doc).insert(0, '>> ')

  storage.failLoads = false
  await waitForSync(visitor.provider)
  // Both inserts were made at position 0 without seeing each other: Yjs orders them by client id.
  const merged = (text: string) => ['>> original text', 'original text>> '].includes(text)
  await waitFor(() => merged(bodyString(visitor.doc)), {
    message: () => `the visitor to see the original text (sees "${bodyString(visitor.doc)}")`,
  })
  const reader = connectClient(server.wsUrl, docId)
  await waitForSync(reader.provider)
  await waitFor(() => bodyString(reader.doc) === bodyString(visitor.doc), {
    message: 'a fresh reader to see the same merged text',
  })
})

test('edits made while storage cannot write are acknowledged, and stored, only once it recovers', async () => {
  const { server, storage } = await startFlakyServer()
  const docId = await createDoc(server.url)
  const author = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(author.provider)
  bodyText(author.doc).insert(0, 'saved before. ')
  await waitFor(() => author.saved!.isAllSaved(), { message: 'the first edit to be saved' })

  storage.failAppends = true
  const attemptsBefore = storage.appendAttempts
  bodyText(author.doc).insert(bodyString(author.doc).length, 'typed during the outage.')
  // At least one retry has failed too: the server kept trying, and must not have claimed success.
  await waitFor(() => storage.appendAttempts >= attemptsBefore + 3, { message: 'the server to retry the failing write' })
  expect(author.saved!.isAllSaved()).toBe(false)

  storage.failAppends = false
  await waitFor(() => author.saved!.isAllSaved(), { message: 'the edit to be saved once storage recovered' })

  author.destroy()
  await server.close()
  const restarted = await startTestServer({ dataDir: server.dataDir })
  const reader = connectClient(restarted.wsUrl, docId)
  await waitForSync(reader.provider)
  expect(bodyString(reader.doc)).toBe('saved before. typed during the outage.')
})

test('a deletion is not reported saved until it is stored', async () => {
  const { server, storage } = await startFlakyServer()
  const docId = await createDoc(server.url)
  const author = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(author.provider)
  const body = bodyText(author.doc)
  body.insert(0, 'keep this. remove this.')
  await waitFor(() => author.saved!.isAllSaved(), { message: 'the text to be saved' })

  // A deletion adds nothing to the state vector: only the snapshot's delete set can tell it is unsaved.
  storage.failAppends = true
  const attemptsBefore = storage.appendAttempts
  body.delete('keep this.'.length, ' remove this.'.length)
  await waitFor(() => storage.appendAttempts >= attemptsBefore + 2, { message: 'the write of the deletion to fail' })
  expect(author.saved!.isAllSaved()).toBe(false)

  storage.failAppends = false
  await waitFor(() => author.saved!.isAllSaved(), { message: 'the deletion to be saved after recovery' })
  author.destroy()
  await server.close()
  const restarted = await startTestServer({ dataDir: server.dataDir })
  const reader = connectClient(restarted.wsUrl, docId)
  await waitForSync(reader.provider)
  expect(bodyString(reader.doc)).toBe('keep this.')
})
