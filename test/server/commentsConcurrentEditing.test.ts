import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { anchorOfText } from '../../shared/comments/commentAnchors.js'
import { addReply, createThread, readThreads } from '../../shared/comments/commentThreads.js'
import { locatePassages } from '../../shared/comments/locatePassages.js'
import { YLayout } from '../../shared/yLayout.js'
import { paragraphTexts } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { freshClient } from '../helpers/yDocJson.js'
import { connectClient, waitForSync, type TestClient } from '../helpers/yClient.js'

const alice = { id: 'u_alice', name: 'Alice Ng', colour: '#8a3ffc' }
const bob = { id: 'u_bob', name: 'Bob Ruiz', colour: '#1f6feb' }

/** The text run of top-level paragraph `index`. */
function run(client: TestClient, index: number): Y.XmlText {
  const paragraph = client.doc.getXmlFragment(YLayout.richTextFragment).get(index) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** Inserts `text` right before (or, with `after`, right after) the first occurrence of `word` in a paragraph. */
function insertAt(client: TestClient, index: number, word: string, text: string, after = false): void {
  const target = run(client, index)
  const at = target.toString().indexOf(word)
  if (at < 0) throw new Error(`"${word}" is not in "${target.toString()}"`)
  target.insert(after ? at + word.length : at, text)
}

function remove(client: TestClient, index: number, words: string): void {
  const target = run(client, index)
  const at = target.toString().indexOf(words)
  if (at < 0) throw new Error(`"${words}" is not in "${target.toString()}"`)
  target.delete(at, words.length)
}

const sameText = (a: TestClient, b: TestClient) => JSON.stringify(paragraphTexts(a.doc)) === JSON.stringify(paragraphTexts(b.doc))

test('a comment keeps covering its words through two clients’ concurrent edits around and inside them; deleting them detaches it, and nothing is lost', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const a = connectClient(server.wsUrl, docId, { savedAcks: true })
  const b = connectClient(server.wsUrl, docId, { savedAcks: true })
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])

  // Alice writes a sentence and comments on "act before the vote".
  const paragraph = new Y.XmlElement('paragraph')
  const sentence = 'The council must act before the vote on Tuesday.'
  const text = new Y.XmlText(sentence)
  paragraph.insert(0, [text])
  a.doc.getXmlFragment(YLayout.richTextFragment).insert(0, [paragraph])
  const quote = 'act before the vote'
  const threadId = createThread(a.doc, { anchor: anchorOfText(text, sentence.indexOf(quote), quote.length), quote, author: alice, body: 'Which vote?' })
  await waitFor(() => readThreads(b.doc).length === 1 && sameText(a, b), { message: 'Bob to receive the sentence and the thread' })

  // Round 1, in one synchronous block (neither sees the other's edits): words typed right at both edges of the
  // passage, inside it, and elsewhere in the paragraph, and a paragraph added before it.
  insertAt(a, 0, 'act', 'now ') // right before the passage: outside
  insertAt(b, 0, 'vote', ' itself', true) // right after it: outside
  insertAt(a, 0, 'before', 'firmly ') // inside
  insertAt(b, 0, 'vote', 'final ') // inside, just before its last word
  remove(b, 0, 'The ') // elsewhere
  insertAt(a, 0, 'Tuesday', 'next ')
  const before = new Y.XmlElement('paragraph')
  before.insert(0, [new Y.XmlText('A heading sentence.')])
  b.doc.getXmlFragment(YLayout.richTextFragment).insert(0, [before])
  addReply(b.doc, threadId, { author: bob, body: 'The budget vote.' })
  await waitFor(() => sameText(a, b) && readThreads(a.doc)[0]?.messages.length === 2, { message: 'both clients to converge after round 1' })
  expect(paragraphTexts(a.doc)).toEqual(['A heading sentence.', 'council must now act firmly before the final vote itself on next Tuesday.'])
  expect(locatePassages(b.doc)[0]!.text).toBe('act firmly before the final vote')

  // Round 2, Bob offline: he deletes a word inside the passage while Alice types inside it and before it.
  b.provider.disconnect()
  remove(b, 1, 'firmly ')
  insertAt(a, 1, 'vote', 'budget ')
  insertAt(a, 1, 'council', 'city ')
  b.provider.connect()
  await waitFor(() => b.provider.synced && sameText(a, b), { message: 'both clients to converge after round 2' })

  const fresh = await freshClient(server.wsUrl, docId)
  const [located] = locatePassages(fresh.doc)
  expect(paragraphTexts(fresh.doc)[1]).toBe('city council must now act before the final budget vote itself on next Tuesday.')
  expect(located).toMatchObject({ text: 'act before the final budget vote', thread: { quote } })
  fresh.destroy()

  // Round 3: Bob deletes the whole passage and the words around it while Alice, at the same moment, replies.
  b.provider.disconnect()
  remove(b, 1, 'now act before the final budget vote itself ')
  addReply(a.doc, threadId, { author: alice, body: 'Settled, then.' })
  b.provider.connect()
  await waitFor(() => b.provider.synced && sameText(a, b) && readThreads(b.doc)[0]?.messages.length === 3, { message: 'both clients to converge after round 3' })
  await waitFor(() => a.saved!.isAllSaved() && b.saved!.isAllSaved(), { message: 'everything to be saved' })
  a.destroy()
  b.destroy()

  // After a restart, from storage alone: the thread is detached, and keeps its quote and every message.
  await server.close()
  const restarted = await startTestServer({ dataDir: server.dataDir })
  const reader = await freshClient(restarted.wsUrl, docId)
  expect(paragraphTexts(reader.doc)).toEqual(['A heading sentence.', 'city council must on next Tuesday.'])
  const [detached] = locatePassages(reader.doc)
  expect(detached!.range).toBeNull()
  expect(detached!.thread.quote).toBe(quote)
  expect(detached!.thread.messages.map((message) => `${message.author.name}: ${message.body}`)).toEqual([
    'Alice Ng: Which vote?',
    'Bob Ruiz: The budget vote.',
    'Alice Ng: Settled, then.',
  ])
})
