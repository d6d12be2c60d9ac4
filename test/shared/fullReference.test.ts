import { expect, test } from 'vitest'
import { formatFullReference, toCsl } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, otherInput, reportInput, statementInput, webPageInput } from './fixtures.js'

// One formatter for the full reference everywhere (the popover and the exported notes): the Chicago full note.
test('a bill version: number, title, session, jurisdiction, version, date in full, URL', () => {
  expect(formatFullReference(toCsl(billVersionInput()))).toBe(
    'SB 101, Public Parks and Trails Access Act, 2019–2020 Reg. Sess. (Cal.), as amended in Senate, March 29, 2019, ' +
      'https://legislature.example.gov/bills/sb101/amended-senate-2019-03-29.',
  )
  const introduced = billVersionInput({ versionLabel: 'Introduced', versionDate: '2018-12-05', session: '2019–2020 1st Ex. Sess.', url: 'https://l.example.gov/1' })
  expect(formatFullReference(toCsl(introduced))).toBe(
    'SB 101, Public Parks and Trails Access Act, 2019–2020 1st Ex. Sess. (Cal.), as introduced, December 5, 2018, https://l.example.gov/1.',
  )
  const chaptered = billVersionInput({ versionLabel: 'Chaptered', versionDate: '2019-10-05', chapterNumber: '321', status: 'Chaptered by Secretary of State', jurisdiction: 'Freedonia', url: 'https://l.example.gov/5' })
  expect(formatFullReference(toCsl(chaptered))).toBe(
    'SB 101, Public Parks and Trails Access Act, 2019–2020 Reg. Sess. (Freedonia), as chaptered, ch. 321, October 5, 2019, ' +
      'https://l.example.gov/5.',
  )
  const passed = billVersionInput({ versionLabel: 'Passed Senate', versionDate: '2019-05-30', url: 'https://l.example.gov/3' })
  expect(formatFullReference(toCsl(passed))).toContain('as passed by Senate, May 30, 2019')
})

test('a news article: authors, “Title,” outlet, date (no access date when there is one), URL', () => {
  expect(formatFullReference(toCsl(newsArticleInput()))).toBe(
    'Marisol Rivera, “County weighs new trail funding,” The Daily Ledger, April 2, 2019, ' +
      'https://ledger.example.com/2019/04/02/trail-funding.',
  )
  const three = newsArticleInput({
    authors: [{ family: 'Rivera', given: 'Marisol' }, { family: 'Chen', given: 'Li' }, { literal: 'Ledger Staff' }],
    title: 'Who pays for the trails?',
    section: undefined,
    accessed: undefined,
  })
  expect(formatFullReference(toCsl(three))).toBe(
    'Marisol Rivera, Li Chen, and Ledger Staff, “Who pays for the trails?” The Daily Ledger, April 2, 2019, ' +
      'https://ledger.example.com/2019/04/02/trail-funding.',
  )
})

test('web pages, statements, reports and other items', () => {
  expect(formatFullReference(toCsl(webPageInput()))).toBe(
    'Parks For All Coalition, “Our position on trail access,” May 2019, https://parksforall.example.org/position.',
  )
  expect(formatFullReference(toCsl(statementInput()))).toBe(
    'Riverside Tenants Union, “Statement on SB 101,” June 1, 2019, https://tenants.example.org/statements/sb101.',
  )
  expect(formatFullReference(toCsl(reportInput()))).toBe(
    'Chidi Okafor, Access to Green Space in Urban Counties, Institute for Civic Data, 2018, ' +
      'https://civicdata.example.org/reports/green-space.pdf.',
  )
  expect(formatFullReference(toCsl(otherInput()))).toBe('Sara Lindqvist, Commons and Cities, Harbor Press, 2015.')
})
