import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { anchorOfText } from '../../shared/comments/commentAnchors.js'
import { addReply, commentsMap, createThread, readThreads, setResolved } from '../../shared/comments/commentThreads.js'
import { locatePassages } from '../../shared/comments/locatePassages.js'
import { YLayout } from '../../shared/yLayout.js'

const alice = { id: 'u_alice', name: 'Alice Ng', colour: '#8a3ffc' }
const bob = { id: 'u_bob', name: 'Bob Ruiz', colour: '#1f6feb' }

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

/** A document with one paragraph, and a thread by Alice on `words` in it. */
function commentedDoc(text: string, words: string): { doc: Y.Doc; run: Y.XmlText; threadId: string } {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  const run = new Y.XmlText(text)
  paragraph.insert(0, [run])
  doc.getXmlFragment(YLayout.richTextFragment).insert(0, [paragraph])
  const threadId = createThread(doc, { anchor: anchorOfText(run, text.indexOf(words), words.length), quote: words, author: alice, body: 'Too strong?', at: 1_000 })
  return { doc, run, threadId }
}

test('a thread holds its opening comment, replies in order, and who resolved it; reopening clears that', () => {
  const { doc, threadId } = commentedDoc('We demand an immediate halt.', 'immediate halt')
  addReply(doc, threadId, { author: bob, body: 'Keep it.', at: 2_000 })
  setResolved(doc, threadId, bob, undefined, 3_000)

  const [thread] = readThreads(doc)
  expect(thread).toMatchObject({ id: threadId, quote: 'immediate halt', createdAt: 1_000, resolved: { by: { id: bob.id, name: bob.name }, at: 3_000 } })
  expect(thread!.messages.map((message) => [message.author.name, message.body, message.at])).toEqual([
    ['Alice Ng', 'Too strong?', 1_000],
    ['Bob Ruiz', 'Keep it.', 2_000],
  ])
  setResolved(doc, threadId, null)
  expect(readThreads(doc)[0]!.resolved).toBeNull()
  expect(locatePassages(doc)[0]).toMatchObject({ range: { from: 14, to: 28 }, text: 'immediate halt' })
})

test('replies written by two people at once both stay', () => {
  const { doc: a, threadId } = commentedDoc('We demand an immediate halt.', 'halt')
  const b = new Y.Doc()
  exchange(a, b)
  addReply(a, threadId, { author: alice, body: 'From Alice' })
  addReply(b, threadId, { author: bob, body: 'From Bob' })
  exchange(a, b)
  expect(readThreads(a)).toEqual(readThreads(b))
  expect(readThreads(a)[0]!.messages.map((message) => message.body).sort()).toEqual(['From Alice', 'From Bob', 'Too strong?'])
})

test('malformed entries written by any client are left out piece by piece, never breaking the reader', () => {
  const { doc, threadId } = commentedDoc('We demand an immediate halt.', 'halt')
  const map = commentsMap(doc)
  map.set('c_plainValue', 'not a thread')
  const empty = new Y.Map<unknown>()
  map.set('c_empty', empty)
  const thread = map.get(threadId) as Y.Map<unknown>
  ;(thread.get('messages') as Y.Array<unknown>).push([{ id: 'm_bad', authorId: 'x', authorName: '', body: 'no name', at: 5 }, 42, { id: 'm_ok', authorId: 'u', authorName: 'Cy', authorColour: 'red', body: 'fine', at: 6 }])
  thread.set('anchors', [{ start: { item: { client: -1, clock: 0 } } }, { start: {}, end: { tname: 'comments' } }])
  thread.set('resolved', { byId: 'u', byName: 42, at: 1 })

  const threads = readThreads(doc)
  expect(threads.map((t) => t.id)).toEqual([threadId])
  expect(threads[0]!.messages.map((message) => message.body)).toEqual(['Too strong?', 'fine'])
  // An unreadable colour falls back to grey rather than dropping the reply.
  expect(threads[0]!.messages[1]!.author.colour).toBe('#57606a')
  expect(threads[0]!.resolved).toBeNull()
  // The one anchor that parses names another root: it resolves to nothing (detached), and creates no root.
  expect(locatePassages(doc)[0]).toMatchObject({ range: null, text: null })
  expect([...doc.share.keys()].sort()).toEqual([YLayout.comments, YLayout.richTextFragment].sort())
})
