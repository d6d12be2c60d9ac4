import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { toCsl } from '../../shared/sources/index.js'
import { newsArticleInput } from '../shared/fixtures.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { noteLines } from './markdownTree.js'

test('a news article note: Author, “Title,” *Outlet*, Month Day, Year, URL; short: Family, “Short Title.”', () => {
  const question = toCsl({
    ...newsArticleInput({
      authors: [{ family: 'Rivera', given: 'Marisol' }, { family: 'Chen', given: 'Li' }, { literal: 'Ledger Staff' }],
      title: 'Who pays for the trails?',
      date: '2019-04-09',
      url: 'https://ledger.example.com/2019/04/09/who-pays',
    }),
    id: 'src_question0001',
  })
  const doc = statementDoc(
    [paragraph(text('a'), cite(sources.secondNews.id), cite(question.id), cite(sources.secondNews.id, 'para. 2'), cite(question.id))],
    [sources.secondNews, question],
  )
  expect(noteLines(exportMarkdown(doc)).map((line) => line.note)).toEqual([
    'Ada Okonkwo, “Council delays trail vote,” *Harbor Courier*, June 11, 2019, <https://courier.example.net/2019/06/11/trail-vote>.',
    // No comma after a title that ends in its own question mark.
    'Marisol Rivera, Li Chen, and Ledger Staff, “Who pays for the trails?” *The Daily Ledger*, April 9, 2019, ' +
      '<https://ledger.example.com/2019/04/09/who-pays>.',
    'Okonkwo, “Council delays trail vote,” para. 2.',
    'Rivera, Chen, and Ledger Staff, “Who pays for the trails?”',
  ])
})
