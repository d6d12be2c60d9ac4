import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import {
  blockquote,
  bulletList,
  codeBlock,
  hardBreak,
  heading,
  horizontalRule,
  item,
  link,
  orderedList,
  paragraph,
  statementDoc,
  text,
} from './fixtures.js'
import { blocksOfJson, blocksOfMarkdown, rawHtmlTokens } from './markdownTree.js'

const blocks = [
  heading(1, text('A statement on trails')),
  heading(3, text('Why '), text('now', 'italic')),
  paragraph(
    text('We '),
    text('demand', 'bold'),
    text(' access, '),
    text('not', 'bold', 'italic'),
    text(' promises; '),
    text('struck', 'strike'),
    text(' and '),
    text('inline code', 'code'),
    text(' and a '),
    text('link', link('https://parks.example.org/plan', 'The plan')),
    text(' and '),
    text('mail us', link('mailto:office@parks.example.org')),
    text('.'),
  ),
  paragraph(text('Line one'), hardBreak(), text('line two'), hardBreak(), hardBreak(), text('after two breaks')),
  bulletList(
    item(paragraph(text('first point'))),
    item(paragraph(text('second point')), bulletList(item(paragraph(text('nested point'))), item(paragraph(text('another nested'))))),
  ),
  orderedList(3, item(paragraph(text('third'))), item(paragraph(text('fourth')), orderedList(1, item(paragraph(text('sub one'))), item(paragraph(text('sub two')))))),
  orderedList(1, ...Array.from({ length: 10 }, (_, index) => item(paragraph(text(`step ${index + 1}`))))),
  blockquote(paragraph(text('Quoted '), text('words', 'bold')), blockquote(paragraph(text('nested quote')))),
  codeBlock('typescript', 'const x = 1\n\n// **not bold**\n'),
  codeBlock('md', 'A fence inside:\n```js\nalert(1)\n```\n````\nend'),
  codeBlock(null, ''),
  horizontalRule(),
  paragraph(text('after the rule')),
  bulletList(item(paragraph(text('list A')))),
  bulletList(item(paragraph(text('list B, right after A')))),
  orderedList(1, item(paragraph(text('ordered A')))),
  orderedList(1, item(paragraph(text('ordered B, right after A')))),
]

test('every block and every run of text reads back from the markdown as in the document', () => {
  const markdown = exportMarkdown(statementDoc(blocks))
  expect(blocksOfMarkdown(markdown)).toEqual(blocksOfJson(blocks))
  expect(rawHtmlTokens(markdown)).toEqual([])
  // The ordered list that starts at 3 is numbered 3, 4 in the file too, and ten steps run 1 to 10 (with `)`,
  // since a list right after a list needs another delimiter to stay a list of its own).
  expect(markdown).toMatch(/^3\. third\n4\. fourth\n {3}1\. sub one\n {3}2\. sub two$/m)
  expect(markdown).toContain(Array.from({ length: 10 }, (_, index) => `${String(index + 1).padStart(2)}) step ${index + 1}`).join('\n'))
  expect(markdown).toContain('````md\nA fence inside:\n```js')
})
