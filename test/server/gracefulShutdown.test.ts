import { expect, test } from 'vitest'
import { startChildServer } from '../helpers/childServer.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { storedDoc } from '../helpers/storedDoc.js'
import { tempDir } from '../helpers/tempDir.js'
import { createDoc } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('SIGTERM closes sockets with 4504, stores every edit sent before it, and exits 0 within 10 s', { timeout: 40_000 }, async () => {
  const dataDir = tempDir()
  const server = await startChildServer(dataDir)
  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId)
  await waitForSync(client.provider)
  const closeCodes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })

  // Edits still on the wire (sent, not yet read by the server, let alone saved) when the signal arrives.
  const tokens = Array.from({ length: 300 }, (_, i) => `edit-${i}`)
  for (const token of tokens) appendParagraph(client.doc, token)
  const started = Date.now()
  const { code, signal } = await server.kill('SIGTERM')
  const elapsed = Date.now() - started
  client.destroy()

  expect({ code, signal }, server.output()).toEqual({ code: 0, signal: null })
  expect(elapsed).toBeLessThan(10_000)
  expect(closeCodes[0]).toBe(4504)
  const stored = paragraphTexts(await storedDoc(dataDir, docId))
  expect(tokens.filter((token) => !stored.includes(token))).toEqual([])
})

test('SIGTERM with no clients exits at once', { timeout: 30_000 }, async () => {
  const server = await startChildServer(tempDir())
  const started = Date.now()
  const { code } = await server.kill('SIGTERM')
  const elapsed = Date.now() - started
  console.log(`SIGTERM with no clients: exited in ${elapsed} ms`)
  expect(code).toBe(0)
  expect(elapsed).toBeLessThan(10_000)
})
