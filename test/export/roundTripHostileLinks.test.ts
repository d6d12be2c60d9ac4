import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { blocksOfDoc, blocksOfMarkdown, markdownIt, rawHtmlTokens } from './markdownTree.js'
import { readBack, yDoc, yParagraph } from './yWrite.js'

const linkTo = (href: unknown, title?: unknown) => ({ link: { href, ...(title === undefined ? {} : { title }) } })

test('links are written safely: unsafe schemes become plain text, odd targets and titles are escaped', () => {
  const doc = yDoc(
    yParagraph(['run ', {}], ['this', linkTo('javascript:alert(document.cookie)')], [' now']),
    yParagraph(['see ', {}], ['data', linkTo('data:text/html,<script>alert(1)</script>')], ['.']),
    yParagraph(['vb', linkTo('vbscript:msgbox(1)')], [' and ', {}], ['upper', linkTo('JaVaScRiPt:alert(1)')]),
    yParagraph(['spaced', linkTo('  javascript:alert(1)')], [' and ', {}], ['relative', linkTo('/api/docs')], [' and ', {}], ['none', linkTo(null)]),
    yParagraph(['a page', linkTo('https://example.org/a page (draft) <v2>.html')]),
    yParagraph(['titled', linkTo('https://example.org/t', 'He said "no" \\ & left')]),
    yParagraph(['entity', linkTo('https://example.org/?a=1&amp;b=2&copy;')]),
    yParagraph(['back\\slash', linkTo('https://example.org/a\\*b_c*')]),
    yParagraph(['[brackets]', linkTo('https://example.org/[x]')]),
    yParagraph(['mail', linkTo('mailto:someone@example.org?subject=Hi there')]),
    yParagraph(['https://example.org/same', linkTo('https://example.org/same')]),
    yParagraph(['line', linkTo('https://example.org/a\nb\tc')]),
  )
  const markdown = exportMarkdown(doc)

  expect(rawHtmlTokens(markdown)).toEqual([])
  expect(markdown).not.toMatch(/javascript:|vbscript:|data:text/i)
  const expected = blocksOfDoc(readBack(doc))
  const actual = blocksOfMarkdown(markdown)
  expect(actual.length).toBe(expected.length)
  expected.forEach((block, index) => expect(actual[index], JSON.stringify(block)).toEqual(block))
  // The hostile ones read back as plain text.
  expect(actual[0]).toEqual({ type: 'paragraph', runs: [{ text: 'run this now', marks: [] }] })
  expect(JSON.stringify(actual[4])).toContain(markdownIt.normalizeLink('https://example.org/a page (draft) <v2>.html'))
})
