import { expect, test } from 'vitest'
import { YLayout } from '../../shared/yLayout.js'
import { randomEdit } from '../helpers/randomEdit.js'
import { createPrng } from '../helpers/prng.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

test('two clients editing the same document at the same time end with identical content', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const alice = connectClient(server.wsUrl, docId)
  const bob = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])

  const prng = createPrng(20240601)
  const editsEach = 300
  for (let i = 0; i < editsEach; i++) {
    randomEdit(alice.doc, prng, `a${i};`)
    randomEdit(bob.doc, prng, `b${i};`)
    // Yield now and then so edits cross on the wire instead of arriving as two neat blocks.
    if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve))
  }

  const content = (client: typeof alice) => client.doc.getXmlFragment(YLayout.richTextFragment).toString()
  await waitFor(() => content(alice) === content(bob), {
    message: () => `alice and bob to converge (lengths ${content(alice).length} / ${content(bob).length})`,
  })

  // Every edit from both sides survived the merge, exactly once.
  const merged = content(alice)
  const tokens = merged.match(/[ab]\d+;/g) ?? []
  expect(tokens).toHaveLength(2 * editsEach)
  expect(new Set(tokens).size).toBe(2 * editsEach)

  // The server's copy agrees too: a third client starting empty receives the same document.
  const carol = connectClient(server.wsUrl, docId)
  await waitForSync(carol.provider)
  expect(content(carol)).toBe(merged)
})
