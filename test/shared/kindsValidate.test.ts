import { describe, expect, test } from 'vitest'
import { parseCslItem, toCsl, validateSource, type SourceInput } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, otherInput, reportInput, statementInput, webPageInput } from './fixtures.js'

const kinds: { kind: string; input: SourceInput; cslType: string }[] = [
  { kind: 'bill version', input: billVersionInput({ status: 'In committee', chapterNumber: '321' }), cslType: 'bill' },
  { kind: 'news article', input: newsArticleInput(), cslType: 'article-newspaper' },
  { kind: 'web page', input: webPageInput(), cslType: 'webpage' },
  { kind: 'report', input: reportInput(), cslType: 'report' },
  { kind: 'statement', input: statementInput(), cslType: 'document' },
  { kind: 'other CSL item', input: otherInput(), cslType: 'book' },
]

describe('every kind of source validates, and its CSL item passes the CSL check', () => {
  test.each(kinds)('$kind', ({ input, cslType }) => {
    const checked = validateSource(input)
    expect(checked).toEqual({ ok: true, value: input })

    const item = toCsl(input)
    expect(item.type).toBe(cslType)
    expect(parseCslItem(item)).toEqual({ ok: true, value: item })
  })
})

test('form input is trimmed, blank optional fields and blank author rows are dropped', () => {
  const checked = validateSource({
    ...newsArticleInput(),
    title: '  County weighs new trail funding ',
    section: '',
    accessed: null,
    authors: [{ given: '', family: '' }, { family: ' Rivera ', given: 'Marisol' }, { literal: '  ' }],
  })
  expect(checked.ok && checked.value).toEqual({
    ...newsArticleInput({ authors: [{ family: 'Rivera', given: 'Marisol' }] }),
    section: undefined,
    accessed: undefined,
  })
})

test('partial dates are accepted where a kind allows them', () => {
  for (const date of ['2019', '2019-05', '2019-05-31']) {
    expect(validateSource(newsArticleInput({ date })).ok, date).toBe(true)
    expect(validateSource(reportInput({ date })).ok, date).toBe(true)
  }
})

test('a web page may be undated and have only a publisher', () => {
  expect(validateSource(webPageInput({ date: undefined, authors: [] })).ok).toBe(true)
})

test('any version label is accepted, not only the offered ones', () => {
  expect(validateSource(billVersionInput({ versionLabel: 'Amended in Conference Committee' })).ok).toBe(true)
})
