import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { noteLines } from './markdownTree.js'

test('web pages, reports and statements: author or organisation, title, publisher, date, URL', () => {
  const { webPage, report, statement } = sources
  const doc = statementDoc(
    [paragraph(text('x'), cite(webPage.id), cite(report.id), cite(statement.id), cite(webPage.id), cite(report.id, 'p. 12'), cite(statement.id))],
    [webPage, report, statement],
  )
  expect(noteLines(exportMarkdown(doc)).map((line) => line.note)).toEqual([
    // An organisation that wrote and published the page is named once.
    'Parks For All Coalition, “Our position on trail access,” May 2019, <https://parksforall.example.org/position>.',
    // A report is a whole work: its title is italic, not quoted.
    'Chidi Okafor, *Access to Green Space in Urban Counties*, Institute for Civic Data, 2018, <https://civicdata.example.org/reports/green-space.pdf>.',
    'Riverside Tenants Union, “Statement on SB 101,” June 1, 2019, <https://tenants.example.org/statements/sb101>.',
    'Parks For All Coalition, “Our position on trail access.”',
    'Okafor, *Access to Green Space*, p. 12.',
    'Riverside Tenants Union, “Statement on SB 101.”',
  ])
})
