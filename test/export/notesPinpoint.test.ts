import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { noteLines } from './markdownTree.js'

test('a pinpoint goes into the note that cites it, full or short, before the URL', () => {
  const doc = statementDoc(
    [paragraph(text('A'), cite(sources.news.id, 'para. 4'), text(' B'), cite(sources.news.id, 'para. 9'), text(' C'), cite(sources.news.id))],
    [sources.news],
  )
  expect(noteLines(exportMarkdown(doc)).map((line) => line.note)).toEqual([
    'Marisol Rivera, “County weighs new trail funding,” *The Daily Ledger*, April 2, 2019, para. 4, <https://ledger.example.com/2019/04/02/trail-funding>.',
    'Rivera, “County weighs new trail funding,” para. 9.',
    'Rivera, “County weighs new trail funding.”',
  ])
})
