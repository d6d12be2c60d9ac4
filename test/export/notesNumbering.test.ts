import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { bulletList, cite, heading, item, paragraph, sources, statementDoc, text } from './fixtures.js'
import { footnotesOf, noteLines } from './markdownTree.js'

test('ten notes keep their numbers: 1 to 10 in reading order, definitions in the same order', () => {
  const { news, secondNews, billAmended, billIntroduced, webPage } = sources
  const order = [news, billAmended, news, webPage, secondNews, billIntroduced, billAmended, secondNews, webPage, news]
  const doc = statementDoc(
    [
      heading(2, text('Heading'), cite(order[0]!.id)),
      paragraph(text('one'), cite(order[1]!.id), text(' two'), cite(order[2]!.id)),
      bulletList(item(paragraph(text('three'), cite(order[3]!.id))), item(paragraph(text('four'), cite(order[4]!.id), cite(order[5]!.id)))),
      paragraph(...order.slice(6).map((source) => cite(source.id))),
    ],
    [news, secondNews, billAmended, billIntroduced, webPage],
  )
  const markdown = exportMarkdown(doc)

  const labels = Array.from({ length: 10 }, (_, index) => String(index + 1))
  expect(footnotesOf(markdown).references).toEqual(labels)
  expect(footnotesOf(markdown).definitions).toEqual(labels)
  const notes = noteLines(markdown)
  expect(notes.map((note) => note.label)).toEqual(labels)
  // Full notes where a source first appears (1, 2, 4, 5, 6), short notes after.
  const isFull = notes.map((note) => note.note.includes('<https://'))
  expect(isFull).toEqual([true, true, false, true, true, true, false, false, false, false])
  expect(markdown).toContain('[^7][^8][^9][^10]')
})
