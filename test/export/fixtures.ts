import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from '../../shared/editorSchema.js'
import { toCsl, writeSource, type CslItem } from '../../shared/sources/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { billVersionInput, newsArticleInput, reportInput, statementInput, webPageInput } from '../shared/fixtures.js'

/** Builders for statements (ProseMirror JSON in the editor schema) and made-up sources. */

export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string; marks?: JsonMark[] }
export type JsonMark = { type: string; attrs?: Record<string, unknown> }

export const text = (value: string, ...marks: (string | JsonMark)[]): JsonNode => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : mark)) } : {}),
})
export const link = (href: string, title?: string): JsonMark => ({ type: 'link', attrs: { href, ...(title ? { title } : {}) } })
export const paragraph = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content })
export const heading = (level: number, ...content: JsonNode[]): JsonNode => ({ type: 'heading', attrs: { level }, content })
export const hardBreak = (): JsonNode => ({ type: 'hardBreak' })
export const cite = (sourceId: string, locator: string | null = null): JsonNode => ({ type: 'citation', attrs: { sourceId, locator } })
export const item = (...content: JsonNode[]): JsonNode => ({ type: 'listItem', content })
export const bulletList = (...items: JsonNode[]): JsonNode => ({ type: 'bulletList', content: items })
export const orderedList = (start: number, ...items: JsonNode[]): JsonNode => ({ type: 'orderedList', attrs: { start }, content: items })
export const blockquote = (...content: JsonNode[]): JsonNode => ({ type: 'blockquote', content })
export const codeBlock = (language: string | null, code: string): JsonNode => ({
  type: 'codeBlock',
  attrs: { language },
  content: code ? [{ type: 'text', text: code }] : [],
})
export const horizontalRule = (): JsonNode => ({ type: 'horizontalRule' })

/** A Y.Doc holding `blocks` as the statement and `sources` in its sources map, written as the editor writes them. */
export function statementDoc(blocks: JsonNode[], sources: CslItem[] = []): Y.Doc {
  const doc = new Y.Doc()
  const node = editorSchema.nodeFromJSON({ type: 'doc', content: blocks })
  node.check()
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(YLayout.richTextFragment))
  for (const source of sources) writeSource(doc, source)
  return doc
}

/** Made-up sources with fixed ids. */
export const sources = {
  news: toCsl({ ...newsArticleInput(), id: 'src_news00000001' }),
  billAmended: toCsl({ ...billVersionInput(), id: 'src_billamended1' }),
  billIntroduced: toCsl({
    ...billVersionInput({
      versionLabel: 'Introduced',
      versionDate: '2018-12-05',
      title: 'Parks Access Act',
      url: 'https://legislature.example.gov/bills/sb101/introduced-2018-12-05',
    }),
    id: 'src_billintro001',
  }),
  webPage: toCsl({ ...webPageInput(), id: 'src_webpage00001' }),
  report: toCsl({ ...reportInput(), id: 'src_report000001' }),
  statement: toCsl({ ...statementInput(), id: 'src_statement001' }),
  secondNews: toCsl({
    ...newsArticleInput({
      authors: [{ family: 'Okonkwo', given: 'Ada' }],
      title: 'Council delays trail vote',
      outlet: 'Harbor Courier',
      section: undefined,
      date: '2019-06-11',
      url: 'https://courier.example.net/2019/06/11/trail-vote',
      accessed: undefined,
    }),
    id: 'src_news00000002',
  }),
} satisfies Record<string, CslItem>
