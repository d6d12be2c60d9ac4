import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'
import { createPrng, type Prng } from '../helpers/prng.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** One random edit to the rich-text fragment: a new paragraph, or typing inside an existing one. */
function randomEdit(doc: Y.Doc, prng: Prng, token: string): void {
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  const paragraphs = fragment.toArray() as Y.XmlElement[]
  if (paragraphs.length === 0 || prng.next() < 0.2) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(token)])
    fragment.insert(prng.int(paragraphs.length + 1), [paragraph])
    return
  }
  const text = prng.pick(paragraphs).get(0) as Y.XmlText
  // At either end only, so a token is never split by a later local edit and stays findable.
  text.insert(prng.next() < 0.5 ? 0 : text.length, token)
}

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
