import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { bulletList, hardBreak, heading, item, link, paragraph, statementDoc, text } from './fixtures.js'

test('whitespace at the end of a block is dropped, not written as an entity', () => {
  const doc = statementDoc([
    paragraph(text('A '), text('link test ', link('https://example.org/'))),
    heading(2, text('Heading  ')),
    paragraph(text('bold ', 'bold'), text('\t ')),
    paragraph(text('before a break  '), hardBreak(), text('last line ')),
    paragraph(text('ends with a break '), hardBreak()),
    bulletList(item(paragraph(text('an item  ')))),
    paragraph(text('   ')),
  ])

  expect(exportMarkdown(doc, { furtherReading: 'none' }).trimEnd()).toBe(
    [
      'A [link test](https://example.org/)',
      '## Heading',
      '**bold**',
      'before a break  \\\nlast line',
      'ends with a break',
      '- an item',
    ].join('\n\n'),
  )
})
