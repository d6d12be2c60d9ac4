import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { formatFullReference, formatInlineLabel, noteToPlainText, formatFullNote, toCsl, type CslItem } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, reportInput } from '../shared/fixtures.js'
import { cite, paragraph, statementDoc, text } from './fixtures.js'
import { noteLines } from './markdownTree.js'

// Sources keep what was typed (straight quotes); every rendering of them is typographic.
const article = toCsl({
  ...newsArticleInput({
    authors: [{ family: "O'Brien", given: 'Siobhan' }],
    title: 'Deportation Legal Defense Funds Move to Distinguish between "Good" and "Bad" Immigrants',
    outlet: "The People's Ledger",
    date: '2017-03-02',
    url: "https://ledger.example.com/it's-a-url",
  }),
  id: 'src_typography01',
})
const bill = toCsl({ ...billVersionInput({ session: '2017-18', versionLabel: 'Introduced', versionDate: '2016-12-05', url: 'https://l.example.gov/1' }), id: 'src_typography02' })

test('a note sets a source’s fields typographically, flips a quoted title’s quotes and puts the comma inside', () => {
  const doc = statementDoc([paragraph(text('a'), cite(article.id), cite(bill.id))], [article, bill])
  expect(noteLines(exportMarkdown(doc)).map((line) => line.note)).toEqual([
    'Siobhan O’Brien, “Deportation Legal Defense Funds Move to Distinguish between ‘Good’ and ‘Bad’ Immigrants,” ' +
      "*The People’s Ledger*, March 2, 2017, <https://ledger.example.com/it's-a-url>.",
    'SB 101, *Public Parks and Trails Access Act*, 2017–2018 Reg. Sess. (Cal.), as introduced, December 5, 2016, <https://l.example.gov/1>.',
  ])
})

test('a quoted title ending in a quotation takes its period inside both marks', () => {
  const ending: CslItem = { id: 'src_typography03', type: 'article-newspaper', title: 'Why "Good" and "Bad"' }
  expect(formatFullReference(ending)).toBe('“Why ‘Good’ and ‘Bad.’”')
})

test('the popover’s full reference is the export’s full note, word for word', () => {
  for (const item of [article, bill, toCsl(reportInput({ title: "A 'Whole' Work" }))]) {
    expect(formatFullReference(item)).toBe(noteToPlainText(formatFullNote(item)))
  }
  expect(formatFullReference(article)).toBe(
    'Siobhan O’Brien, “Deportation Legal Defense Funds Move to Distinguish between ‘Good’ and ‘Bad’ Immigrants,” ' +
      "The People’s Ledger, March 2, 2017, https://ledger.example.com/it's-a-url.",
  )
  expect(formatInlineLabel(article)).toBe('O’Brien, The People’s Ledger, 2017')
})
