import { describe, expect, test } from 'vitest'
import { formatInlineLabel, toCsl, type CslItem } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, otherInput, reportInput, statementInput, webPageInput } from './fixtures.js'

describe('a bill version reads as its number and version', () => {
  test.each([
    ['Introduced', '2018-12-05', undefined, 'SB 101 (introduced Dec. 5, 2018)'],
    ['Amended in Senate', '2019-03-29', undefined, 'SB 101 (am. Senate, Mar. 29, 2019)'],
    ['Amended in Assembly', '2019-09-01', undefined, 'SB 101 (am. Assembly, Sept. 1, 2019)'],
    ['Passed Assembly', '2019-09-11', undefined, 'SB 101 (passed Assembly, Sept. 11, 2019)'],
    ['Enrolled', '2019-09-16', undefined, 'SB 101 (enrolled Sept. 16, 2019)'],
    ['Chaptered', '2019-10-05', '321', 'SB 101 (ch. 321, 2019)'],
    ['Chaptered', '2019-10-05', undefined, 'SB 101 (chaptered Oct. 5, 2019)'],
    ['Vetoed', '2019-10-13', undefined, 'SB 101 (Vetoed, Oct. 13, 2019)'],
  ])('%s', (versionLabel, versionDate, chapterNumber, label) => {
    expect(formatInlineLabel(toCsl(billVersionInput({ versionLabel, versionDate, chapterNumber })))).toBe(label)
  })
})

test('a news article reads as first author, outlet, year', () => {
  expect(formatInlineLabel(toCsl(newsArticleInput()))).toBe('Rivera, The Daily Ledger, 2019')
  const twoAuthors = newsArticleInput({ authors: [{ family: 'Chen', given: 'Li' }, { family: 'Rivera' }] })
  expect(formatInlineLabel(toCsl(twoAuthors))).toBe('Chen, The Daily Ledger, 2019')
  const byDesk = newsArticleInput({ authors: [{ literal: 'Ledger Editorial Board' }] })
  expect(formatInlineLabel(toCsl(byDesk))).toBe('Ledger Editorial Board, The Daily Ledger, 2019')
})

test('other sources read as author or organisation, year', () => {
  expect(formatInlineLabel(toCsl(webPageInput()))).toBe('Parks For All Coalition, 2019')
  expect(formatInlineLabel(toCsl(reportInput()))).toBe('Okafor, 2018')
  expect(formatInlineLabel(toCsl(statementInput()))).toBe('Riverside Tenants Union, 2019')
  expect(formatInlineLabel(toCsl(otherInput()))).toBe('Lindqvist, 2015')
  expect(formatInlineLabel(toCsl(webPageInput({ authors: [], publisher: 'City Parks Department', date: undefined })))).toBe(
    'City Parks Department',
  )
})

test('a source without author or publisher reads as its title, cut at a word when long', () => {
  const item: CslItem = { id: 'a', type: 'book', title: 'Parks, Trails and the Long Argument Over Who Gets to Use Them', issued: { 'date-parts': [[2012]] } }
  expect(formatInlineLabel(item)).toBe('Parks, Trails and the Long Argument Over…, 2012')
  expect(formatInlineLabel({ ...item, 'title-short': 'Parks and Trails' })).toBe('Parks and Trails, 2012')
})

test('an imported bill without Caucus fields still gets a label', () => {
  expect(formatInlineLabel({ id: 'z', type: 'bill', title: 'Trail Act', number: 'AB 7', issued: { 'date-parts': [[2019]] } })).toBe('AB 7 (2019)')
  expect(formatInlineLabel({ id: 'z', type: 'bill', title: 'Trail Act' })).toBe('Trail Act')
})
