import type { Node as PmNode } from '@tiptap/pm/model'
import { expect, test } from 'vitest'
import { editorSchema } from '../../shared/editorSchema.js'
import { renderMarkdown } from '../../shared/export/index.js'
import { rawHtmlTokens } from './markdownTree.js'

const { nodes, marks } = editorSchema
// NodeType.create does not check content: documents handed to renderMarkdown may break the schema.
const node = (name: string, content: PmNode[] = [], attrs: Record<string, unknown> | null = null) => nodes[name]!.create(attrs, content)
const text = (value: string, ...markNames: string[]) => editorSchema.text(value, markNames.map((name) => marks[name]!.create()))

test('renderMarkdown fits a document that breaks the schema into one markdown can hold, keeping its text', () => {
  const doc = node('doc', [
    text('loose text'),
    node('paragraph', [node('paragraph', [text('inner one')]), node('heading', [text('inner two')], { level: 2 })]),
    node('bulletList', [node('paragraph', [text('paragraph in a list')])]),
    node('listItem', [node('paragraph', [text('item at the top')])]),
    node('listItem', [node('horizontalRule'), node('paragraph', [text('after a rule')])]),
    node('heading', [text('broken'), node('hardBreak'), text('heading')], { level: 3 }),
    node('blockquote', [node('heading', [text('quoted heading')], { level: 1 })]),
    node('paragraph', [text('bold ', 'bold'), node('citation', [], { sourceId: 'src_nowhere', locator: null })]),
  ])
  expect(() => doc.check()).toThrow()

  const markdown = renderMarkdown(doc, [])

  expect(rawHtmlTokens(markdown)).toEqual([])
  expect(markdown).toBe(
    [
      'loose text',
      'inner one\\\ninner two',
      '- paragraph in a list',
      '* item at the top',
      '- \n\n  ***\n\n  after a rule',
      '### broken heading',
      '> # quoted heading',
      '**bold** [^1]',
      '[^1]: \\[Missing source: src_nowhere\\]',
    ].join('\n\n') + '\n',
  )
})
