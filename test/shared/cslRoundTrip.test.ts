import { describe, expect, test } from 'vitest'
import { fromCsl, toCsl, type CslItem, type SourceInput } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, otherInput, reportInput, statementInput, webPageInput } from './fixtures.js'

describe('form input → CSL → form input gives back what was entered', () => {
  test.each<SourceInput>([
    billVersionInput({ status: 'In committee', chapterNumber: '321' }),
    newsArticleInput(),
    webPageInput(),
    reportInput(),
    statementInput(),
    otherInput(),
  ])('$kind', (input) => {
    const item = toCsl({ ...input, id: 'src_roundtrip01' })
    expect(fromCsl(item)).toEqual({ ...input, id: 'src_roundtrip01' })
  })
})

test('a bill version is stored in standard CSL variables, with the rest in custom', () => {
  const item = toCsl(billVersionInput({ id: 'src_bill00000001', status: 'In committee' }))
  expect(item).toEqual({
    id: 'src_bill00000001',
    type: 'bill',
    title: 'Public Parks and Trails Access Act',
    number: 'SB 101',
    authority: 'California State Senate',
    jurisdiction: 'California',
    issued: { 'date-parts': [[2019, 3, 29]] },
    URL: 'https://legislature.example.gov/bills/sb101/amended-senate-2019-03-29',
    custom: { caucusKind: 'billVersion', session: '2019–2020', versionLabel: 'Amended in Senate', status: 'In committee' },
  })
})

test('a news article uses CSL names, container-title and date objects', () => {
  const item = toCsl(newsArticleInput({ id: 'src_news00000001' }))
  expect(item).toEqual({
    id: 'src_news00000001',
    type: 'article-newspaper',
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol' }],
    'container-title': 'The Daily Ledger',
    section: 'Metro',
    issued: { 'date-parts': [[2019, 4, 2]] },
    accessed: { 'date-parts': [[2019, 5, 1]] },
    URL: 'https://ledger.example.com/2019/04/02/trail-funding',
    custom: { caucusKind: 'newsArticle' },
  })
})

test('a new source gets a fresh id', () => {
  expect(toCsl(newsArticleInput()).id).toMatch(/^src_[A-Za-z0-9_-]{12}$/)
})

test('editing through a form keeps what the form does not show, and the stored form of untouched fields', () => {
  const imported: CslItem = {
    id: 'zotero-ABCD1234',
    type: 'article-newspaper',
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol', suffix: 'Jr.' }, { 'non-dropping-particle': 'van', family: 'Dijk', given: 'Pieter' }],
    'container-title': 'The Daily Ledger',
    issued: { 'date-parts': [[2019, 4, 2]], circa: false },
    URL: 'https://ledger.example.com/2019/04/02/trail-funding',
    note: 'Front page',
    custom: { zoteroCollection: 'Parks' },
  }
  const form = fromCsl(imported)
  expect(form).toMatchObject({
    kind: 'newsArticle',
    authors: [{ family: 'Rivera', given: 'Marisol' }, { family: 'van Dijk', given: 'Pieter' }],
    date: '2019-04-02',
  })

  const edited = toCsl({ ...form, title: 'County approves new trail funding' } as SourceInput, imported)
  expect(edited).toEqual({
    ...imported,
    title: 'County approves new trail funding',
    custom: { zoteroCollection: 'Parks', caucusKind: 'newsArticle' },
  })
})

test('changing a bill version into a news article removes the bill-only fields', () => {
  const bill = toCsl(billVersionInput({ id: 'src_kindchange01' }))
  const news = toCsl(newsArticleInput({ id: bill.id }), bill)
  expect(news).not.toHaveProperty('number')
  expect(news).not.toHaveProperty('authority')
  expect(news.custom).toEqual({ caucusKind: 'newsArticle' })
})
