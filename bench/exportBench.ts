/**
 * Export benchmark (not a test): a long statement, 200 paragraphs with 500 citations of 60 bill versions and
 * news articles (most cited more than once), exported in both styles. Prints the median of 20 runs after a
 * warm-up. Target: at most 50 ms for the notes style.
 *
 *   npx tsx bench/exportBench.ts
 */
import { performance } from 'node:perf_hooks'
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from '../shared/editorSchema.js'
import { exportMarkdown, readStatement, renderMarkdown, type ExportOptions } from '../shared/export/index.js'
import { readSources, writeSource, type CslItem } from '../shared/sources/index.js'
import { YLayout } from '../shared/yLayout.js'

const PARAGRAPHS = 200
const CITATIONS = 500
const RUNS = 20

function sources(): CslItem[] {
  const items: CslItem[] = []
  for (let i = 0; i < 30; i++) {
    items.push({
      id: `src_bill${String(i).padStart(8, '0')}`,
      type: 'bill',
      title: `Public Parks Access Act, part ${i}`,
      number: `SB ${100 + Math.floor(i / 3)}`,
      authority: 'Example State Senate',
      jurisdiction: 'California',
      issued: { 'date-parts': [[2019, 1 + (i % 12), 1 + (i % 28)]] },
      URL: `https://legislature.example.gov/bills/${i}`,
      custom: { caucusKind: 'billVersion', session: '2019–2020', versionLabel: ['Introduced', 'Amended in Senate', 'Passed Assembly'][i % 3]! },
    })
    items.push({
      id: `src_news${String(i).padStart(8, '0')}`,
      type: 'article-newspaper',
      title: `County weighs trail funding, day ${i}`,
      author: [{ family: `Writer${i}`, given: 'Sam' }],
      'container-title': 'The Example Ledger',
      issued: { 'date-parts': [[2019, 4, 1 + (i % 28)]] },
      URL: `https://ledger.example.com/2019/04/${i}`,
      custom: { caucusKind: 'newsArticle' },
    })
  }
  return items
}

function statement(items: CslItem[]): Y.Doc {
  let cited = 0
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, p) => {
    const content: unknown[] = [
      { type: 'text', text: `Paragraph ${p}: the county's plan for trails, parks and *access* ` },
      { type: 'text', text: 'matters', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' to every neighbourhood; see ' },
      { type: 'text', text: 'the plan', marks: [{ type: 'link', attrs: { href: `https://parks.example.org/plan/${p}` } }] },
      { type: 'text', text: '.' },
    ]
    // 500 citations over 200 paragraphs: two or three each, sources reused in a fixed pseudo-random order.
    const here = Math.round(((p + 1) * CITATIONS) / PARAGRAPHS) - cited
    for (let c = 0; c < here; c++, cited++) {
      const source = items[(cited * 37) % items.length]!
      content.push({ type: 'text', text: ` Claim ${cited} [with] brackets_and_underscores` })
      content.push({ type: 'citation', attrs: { sourceId: source.id, locator: cited % 4 === 0 ? `p. ${cited}` : null } })
    }
    return { type: 'paragraph', content }
  })
  const doc = new Y.Doc()
  const node = editorSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Statement' }] }, ...paragraphs] })
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(YLayout.richTextFragment))
  for (const item of items) writeSource(doc, item)
  return doc
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function time(label: string, run: () => unknown): number {
  for (let i = 0; i < 5; i++) run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  const result = median(times)
  console.log(`${label.padEnd(44)} median ${result.toFixed(1)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`)
  return result
}

const doc = statement(sources())
const notes: ExportOptions = { style: 'notes', furtherReading: 'cited' }
const pandoc: ExportOptions = { style: 'pandoc', furtherReading: 'cited' }
const markdown = exportMarkdown(doc, notes)
console.log(`statement: ${PARAGRAPHS} paragraphs, ${CITATIONS} citations, ${readSources(doc).length} sources; markdown ${(markdown.length / 1024).toFixed(0)} KiB, ${markdown.match(/^\[\^\d+\]: /gm)?.length} notes`)

const total = time('exportMarkdown, notes style', () => exportMarkdown(doc, notes))
time('exportMarkdown, pandoc style', () => exportMarkdown(doc, pandoc))
const pm = readStatement(doc)
const items = readSources(doc)
time('  of which: Y.Doc → ProseMirror (readStatement)', () => readStatement(doc))
time('  of which: readSources', () => readSources(doc))
time('  of which: renderMarkdown (notes)', () => renderMarkdown(pm, items, notes))
console.log(total <= 50 ? `OK: ${total.toFixed(1)} ms ≤ 50 ms` : `OVER TARGET: ${total.toFixed(1)} ms > 50 ms`)
