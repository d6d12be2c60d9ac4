import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { blocksOfMarkdown, noteLines } from './markdownTree.js'

const { news, billAmended, webPage, report } = sources
const newsEntry = 'Marisol Rivera, “County weighs new trail funding,” *The Daily Ledger*, April 2, 2019, <https://ledger.example.com/2019/04/02/trail-funding>.'
const billEntry =
  'SB 101, *Public Parks and Trails Access Act*, 2019–2020 Reg. Sess. (Cal.), as amended in Senate, March 29, 2019, ' +
  '<https://legislature.example.gov/bills/sb101/amended-senate-2019-03-29>.'
const reportEntry = 'Chidi Okafor, *Access to Green Space in Urban Counties*, Institute for Civic Data, 2018, <https://civicdata.example.org/reports/green-space.pdf>.'
const webPageEntry = 'Parks For All Coalition, “Our position on trail access,” May 2019, <https://parksforall.example.org/position>.'

// The bill is cited first, the news article twice (once with a pinpoint); the report and web page are not cited.
const doc = () =>
  statementDoc(
    [paragraph(text('First'), cite(billAmended.id, '§ 2'), text(' then'), cite(news.id), cite(news.id, 'para. 3'), cite(billAmended.id))],
    [news, billAmended, webPage, report],
  )

/** The paragraphs between the Further Reading heading and the notes, as written. */
function furtherReading(markdown: string): string[] | undefined {
  const match = /\n## Further Reading\n\n([\s\S]*?)(?=\n\n\[\^1\]: |\n$)/.exec(markdown)
  return match?.[1]!.split('\n\n')
}

test('Further Reading lists every cited source once, in order of first citation, without pinpoints', () => {
  const markdown = exportMarkdown(doc())
  expect(furtherReading(markdown)).toEqual([billEntry, newsEntry])
  // It comes after the text, each entry its own paragraph, and the notes follow it.
  const blocks = blocksOfMarkdown(markdown)
  expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph'])
  expect(noteLines(markdown)).toHaveLength(4)
})

test("'all' adds the sources that are not cited, after the cited ones, alphabetically", () => {
  expect(furtherReading(exportMarkdown(doc(), { furtherReading: 'all' }))).toEqual([billEntry, newsEntry, reportEntry, webPageEntry])
})

test("'none' leaves the section out (the notes stay)", () => {
  const markdown = exportMarkdown(doc(), { furtherReading: 'none' })
  expect(markdown).not.toContain('Further Reading')
  expect(noteLines(markdown)).toHaveLength(4)
})

test('with nothing cited there is no Further Reading section', () => {
  expect(exportMarkdown(statementDoc([paragraph(text('No citations.'))], [news]))).toBe('No citations.\n')
})
