import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { exportMarkdown } from '../../shared/export/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { rawHtmlTokens } from './markdownTree.js'
import { yDoc, yElement, yParagraph, yText } from './yWrite.js'

test('a Y.Doc that breaks the schema exports what the editor would show, without crashing or editing the document', () => {
  const doc = yDoc(
    yElement('heading', { level: 99 }, yText(['level 99'])),
    yElement('heading', { level: '<script>' }, yText(['level script'])),
    yElement('orderedList', { start: -5 }, yElement('listItem', {}, yParagraph(['negative start']))),
    yElement('orderedList', { start: '1e12' }, yElement('listItem', {}, yParagraph(['huge start']))),
    yElement('codeBlock', { language: 'js\n```\n<script>' }, yText(['plain code'])),
    yElement('paragraph', {}, yText(['bold and code', { bold: {}, code: {} }], [' underlined', { underline: {} }])),
    yElement('citation', { sourceId: 'src_at_the_top' }),
    yElement('paragraph', {}, yElement('citation', { sourceId: 42, locator: { not: 'text' } } as never)),
    // Invalid where they are: the editor shows these (and the citation at the top) as content it cannot show,
    // and the export leaves them out.
    yElement('paragraph', {}, yParagraph(['paragraph inside a paragraph'])),
    yElement('unknownThing', {}, yText(['unknown element'])),
  )
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  fragment.insert(0, [yText(['text straight in the fragment'])])
  const before = { state: Y.encodeStateVector(doc), content: fragment.toString(), length: fragment.length }

  const markdown = exportMarkdown(doc)

  expect(rawHtmlTokens(markdown)).toEqual([])
  expect(markdown).toBe(
    [
      'text straight in the fragment',
      '###### level 99',
      '# level script',
      // A list right after a list takes the other delimiter; the start is bounded to what CommonMark reads.
      '0. negative start\n\n999999999) huge start',
      '```jsscript\nplain code\n```',
      '`bold and code` underlined',
      '[^1]',
      '[^1]: \\[Missing source\\]',
    ].join('\n\n') + '\n',
  )
  expect({ state: Y.encodeStateVector(doc), content: fragment.toString(), length: fragment.length }).toEqual(before)
})
