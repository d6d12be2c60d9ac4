import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { expect, it } from 'vitest'
import { createSchemaExtensions, editorSchema } from '../../shared/editorSchema.js'

const paragraphWithLink = (attrs: Record<string, unknown>) =>
  editorSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'here', marks: [{ type: 'link', attrs }] }] }] })

const render = (attrs: Record<string, unknown>) => renderToHTMLString({ extensions: createSchemaExtensions(), content: paragraphWithLink(attrs) })

it('a link always opens a new tab without a way back, whatever target, rel, class or title the document holds', () => {
  const html = render({ href: 'https://example.org/', target: '_self', rel: '', class: 'evil', title: 'Click' })
  expect(html).toBe('<p><a href="https://example.org/" rel="noopener noreferrer nofollow" target="_blank">here</a></p>')
})

it('a link mark with an unsafe address cannot be made, so no page can render one', () => {
  for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '', null]) {
    expect(() => editorSchema.marks.link!.create({ href }), String(href)).toThrow(RangeError)
  }
})

it('the schema itself refuses the unsafe address when it checks a document', () => {
  expect(() => paragraphWithLink({ href: 'javascript:alert(1)' }).check()).toThrow(/http, https or mailto/)
  expect(() => paragraphWithLink({ href: 'mailto:press@example.org' }).check()).not.toThrow()
})
