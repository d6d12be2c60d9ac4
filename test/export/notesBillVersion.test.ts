import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { noteLines } from './markdownTree.js'

test('a bill version note names number, title as of that version, session, jurisdiction, version, date and URL', () => {
  const doc = statementDoc(
    [
      paragraph(
        text('As introduced'),
        cite(sources.billIntroduced.id),
        text(', as amended'),
        cite(sources.billAmended.id, '§ 7284.6(a)(1)'),
        text(', and again'),
        cite(sources.billAmended.id),
        text('.'),
      ),
    ],
    [sources.billAmended, sources.billIntroduced],
  )
  expect(noteLines(exportMarkdown(doc)).map((line) => line.note)).toEqual([
    'SB 101, *Parks Access Act*, 2019–2020 Reg. Sess. (Cal.), as introduced, December 5, 2018, ' +
      '<https://legislature.example.gov/bills/sb101/introduced-2018-12-05>.',
    // Another version of the same bill is another source: a full note again, with its own title.
    'SB 101, *Public Parks and Trails Access Act*, 2019–2020 Reg. Sess. (Cal.), as amended in Senate, March 29, 2019, § 7284.6(a)(1), ' +
      '<https://legislature.example.gov/bills/sb101/amended-senate-2019-03-29>.',
    'SB 101 (am. Senate, Mar. 29, 2019).',
  ])
})
