/**
 * `npx tsx bench/versionCost.ts`: what one version of a typical statement costs in storage. The statement is
 * written as three people would write it (word by word, each in their own paragraphs, with some words deleted and
 * retyped, sources added and cited), in a garbage-collected Y.Doc like the server's; the version is what
 * RoomHistory stores: the Yjs state update and the snapshot. Then, on the automerge-paper trace, what the other
 * design (Yjs snapshots of a document that never forgets deleted text) would cost the live document.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { statementRun } from './clients/markers.js'
import { TRACE_FILE } from './trace.js'
import { exportMarkdown } from '../shared/export/exportMarkdown.js'
import { writeSource, type CslItem } from '../shared/sources/index.js'
import { YLayout } from '../shared/yLayout.js'

const WORDS = 'the council must protect public parks and trails for every family in the county while funding upkeep fairly across districts'.split(' ')

function source(n: number): CslItem {
  return {
    id: `src_source${String(n).padStart(5, '0')}`,
    type: 'article-newspaper',
    title: `County weighs new trail funding, part ${n}`,
    author: [{ family: 'Rivera', given: 'Marisol' }],
    'container-title': 'The Daily Ledger',
    issued: { 'date-parts': [[2019, 4, n]] },
    URL: `https://ledger.example.com/trail-funding-${n}`,
    custom: { caucusKind: 'newsArticle' },
  }
}

const doc = new Y.Doc({ gc: true })
const authors = [1, 2, 3].map((n) => {
  const author = new Y.Doc()
  author.clientID = 1000 + n
  return author
})
const sync = () => {
  for (const author of authors) Y.applyUpdate(doc, Y.encodeStateAsUpdate(author, Y.encodeStateVector(doc)))
  for (const author of authors) Y.applyUpdate(author, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(author)))
}
const fragment = (d: Y.Doc) => d.getXmlFragment(YLayout.richTextFragment)

for (let n = 1; n <= 6; n++) writeSource(authors[n % 3]!, source(n))
sync()
let word = 0
for (let paragraphIndex = 0; paragraphIndex < 8; paragraphIndex++) {
  const author = authors[paragraphIndex % 3]!
  const paragraph = new Y.XmlElement('paragraph')
  const run = new Y.XmlText()
  paragraph.insert(0, [run])
  fragment(author).insert(fragment(author).length, [paragraph])
  for (let w = 0; w < 100; w++) {
    const next = WORDS[word++ % WORDS.length]!
    run.insert(run.length, (w === 0 ? '' : ' ') + next)
    // Every 10th word is deleted and retyped, as people correct themselves.
    if (w % 10 === 9) {
      run.delete(run.length - next.length, next.length)
      run.insert(run.length, next)
    }
  }
  const cite = new Y.XmlElement('citation')
  cite.setAttribute('sourceId', source((paragraphIndex % 6) + 1).id)
  paragraph.insert(paragraph.length, [cite, new Y.XmlText('.')])
  sync()
}

const markdown = exportMarkdown(doc)
const state = Y.encodeStateAsUpdate(doc)
const snapshot = Y.encodeSnapshot(Y.snapshot(doc))
const words = markdown.split(/\s+/).length
console.log(`typical statement: 8 paragraphs, ~${words} words, 6 sources, 8 citations, 3 authors, ${markdown.length} characters of markdown`)
console.log(`one version: state update ${state.length} bytes, snapshot ${snapshot.length} bytes, total ${state.length + snapshot.length} bytes`)

// The alternative: Yjs snapshots (a state vector and a delete set) can restore old text only from a document that
// keeps every deleted character (gc: false). What that costs the live document, on the automerge-paper trace.
const trace = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString('utf8')) as { txns: { patches: [number, number, string][] }[] }
for (const fraction of [0.025, 1]) {
  const sizes = [true, false].map((gc) => {
    const traced = new Y.Doc({ gc })
    traced.clientID = 0x5eed_cafe
    const text = statementRun(traced)
    for (const { patches } of trace.txns.slice(0, Math.floor(trace.txns.length * fraction))) {
      traced.transact(() => {
        for (const [position, deleted, inserted] of patches) {
          if (deleted > 0) text.delete(position, deleted)
          if (inserted) text.insert(position, inserted)
        }
      })
    }
    return { chars: text.length, bytes: Y.encodeStateAsUpdate(traced).length, snapshot: Y.encodeSnapshot(Y.snapshot(traced)).length }
  })
  console.log(
    `automerge-paper trace, ${sizes[0]!.chars} characters: live document gc:true ${sizes[0]!.bytes} bytes, gc:false ${sizes[1]!.bytes} bytes; ` +
      `a version as a state update ${sizes[0]!.bytes} bytes, as a snapshot of the gc:false document ${sizes[1]!.snapshot} bytes`,
  )
}
