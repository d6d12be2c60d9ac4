/**
 * The browser scenario's statement: about 50 pages (≈ 25k words) of headings and paragraphs in the
 * ProseMirror/Tiptap Yjs layout, with 500 citations of 40 sources (bill versions and news articles), written
 * with the same calls any Yjs client would use (README "Document format").
 */
import * as Y from 'yjs'
import { writeSource, type CslItem } from '../../shared/sources/index.js'

export const STATEMENT_CITATIONS = 500
export const STATEMENT_SOURCES = 40
/** The last paragraph ends with this, so the page can tell the whole statement is shown. */
export const END_SENTINEL = 'End of the statement.'

const WORDS = (
  'the committee finds that this bill would require every district to publish its policy on access to school ' +
  'grounds and that the amended version narrows the exception for federal agents while the earlier text left ' +
  'counties free to decide how records are shared with outside agencies under state law and local ordinance'
).split(' ')

const BILL_BODIES = ['California State Senate', 'California State Assembly']
const VERSIONS = ['Introduced', 'Amended in Senate', 'Amended in Assembly', 'Enrolled']
const OUTLETS = ['Harbor Times', 'The Daily Ledger', 'Valley Courier', 'Capitol Weekly Review']

function bill(index: number): CslItem {
  const billNumber = 40 + Math.floor(index / 4)
  const version = index % 4
  return {
    id: `src_bill${String(index).padStart(7, '0')}`,
    type: 'bill',
    title: `Safe Schools and Records Act (${VERSIONS[version]})`,
    number: `SB ${billNumber}`,
    authority: BILL_BODIES[index % 2],
    jurisdiction: 'California',
    issued: { 'date-parts': [[2018, 1 + version * 2, 10 + (index % 15)]] },
    URL: `https://leginfo.example.org/sb${billNumber}/v${version}`,
    custom: { caucusKind: 'billVersion', session: '2017–2018', versionLabel: VERSIONS[version] },
  }
}

function article(index: number): CslItem {
  return {
    id: `src_news${String(index).padStart(7, '0')}`,
    type: 'article-newspaper',
    title: `Districts weigh new rules on campus access, part ${index + 1}`,
    author: [{ family: ['Ruiz', 'Okafor', 'Nguyen', 'Berg'][index % 4], given: ['Ana', 'Chidi', 'Linh', 'Sara'][index % 4] }],
    'container-title': OUTLETS[index % OUTLETS.length],
    issued: { 'date-parts': [[2018, 1 + (index % 12), 1 + (index % 28)]] },
    URL: `https://news.example.org/campus-access-${index}`,
    custom: { caucusKind: 'newsArticle' },
  }
}

/** The 40 sources: 20 bill versions (5 bills × 4 versions) and 20 news articles. */
export function statementSources(): CslItem[] {
  return [...Array.from({ length: STATEMENT_SOURCES / 2 }, (_, i) => bill(i)), ...Array.from({ length: STATEMENT_SOURCES / 2 }, (_, i) => article(i))]
}

function sentence(seed: number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 3) % WORDS.length]!)
  const text = out.join(' ')
  return text[0]!.toUpperCase() + text.slice(1) + '.'
}

/**
 * Writes the statement into `doc` in one transaction: 25 sections (a heading and 14 paragraphs each; ~70 words
 * per paragraph, bold and italic runs here and there), with citations spread evenly through the paragraphs.
 */
export function writeStatement(doc: Y.Doc): { paragraphs: number; words: number } {
  const sources = statementSources()
  const sections = 25
  const perSection = 14
  const paragraphs = sections * perSection
  let words = 0
  let cited = 0
  doc.transact(() => {
    for (const source of sources) writeSource(doc, source)
    const blocks: Y.XmlElement[] = []
    for (let s = 0; s < sections; s++) {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      heading.insert(0, [new Y.XmlText(`Section ${s + 1}: findings on access and records`)])
      blocks.push(heading)
      for (let p = 0; p < perSection; p++) {
        const n = s * perSection + p
        const paragraph = new Y.XmlElement('paragraph')
        const children: (Y.XmlText | Y.XmlElement)[] = []
        // 500 citations over 350 paragraphs: one or two per paragraph, evenly.
        const citations = Math.floor(((n + 1) * STATEMENT_CITATIONS) / paragraphs) - Math.floor((n * STATEMENT_CITATIONS) / paragraphs)
        for (let part = 0; part < 3; part++) {
          const text = new Y.XmlText()
          const plain = sentence(n + part, 23) + ' '
          text.insert(0, plain)
          if (part === 1 && n % 3 === 0) text.insert(0, 'Notably, ', { bold: true })
          if (part === 2 && n % 5 === 0) text.insert(plain.length, 'as the record shows ', { italic: true })
          children.push(text)
          words += 23
          if (part < citations) {
            const citation = new Y.XmlElement('citation')
            citation.setAttribute('sourceId', sources[(cited * 7) % sources.length]!.id)
            if (cited % 4 === 0) citation.setAttribute('locator', `§ ${1 + (cited % 9)}`)
            children.push(citation)
            cited++
          }
        }
        if (n === paragraphs - 1) children.push(new Y.XmlText(` ${END_SENTINEL}`))
        paragraph.insert(0, children)
        blocks.push(paragraph)
      }
    }
    doc.getXmlFragment('default').insert(0, blocks)
  })
  if (cited !== STATEMENT_CITATIONS) throw new Error(`statement has ${cited} citations, expected ${STATEMENT_CITATIONS}`)
  return { paragraphs, words }
}
