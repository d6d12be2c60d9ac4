import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { paragraph, statementDoc, text } from './fixtures.js'
import { blocksOfMarkdown } from './markdownTree.js'

test('optional YAML front matter carries the title and date as JSON strings, which YAML reads literally', () => {
  const doc = statementDoc([paragraph(text('Body.'))])
  expect(exportMarkdown(doc)).toBe('Body.\n')
  expect(exportMarkdown(doc, { frontMatter: false })).toBe('Body.\n')

  const title = 'Parks: "for all" — #1 \u2028 yes\n- no'
  const markdown = exportMarkdown(doc, { frontMatter: { title, date: '2019-06-01' } })
  expect(markdown).toBe(`---\ntitle: ${JSON.stringify(title).replace('\u2028', '\\u2028')}\ndate: "2019-06-01"\n---\n\nBody.\n`)
  // The front matter's lines each hold one JSON value.
  const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(markdown)!
  expect(yaml!.split('\n').map((line) => JSON.parse(line.replace(/^\w+: /, '')))).toEqual([title, '2019-06-01'])
  // Renderers that do not know front matter see a rule and a paragraph, never raw text turned into markup.
  expect(blocksOfMarkdown(markdown).at(-1)).toEqual({ type: 'paragraph', runs: [{ text: 'Body.', marks: [] }] })
  expect(exportMarkdown(doc, { frontMatter: { date: '2019' } })).toBe('---\ndate: "2019"\n---\n\nBody.\n')
})
