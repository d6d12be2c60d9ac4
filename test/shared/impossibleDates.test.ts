import { describe, expect, test } from 'vitest'
import { parseCslItem, toCsl, validateSource } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, reportInput } from './fixtures.js'

describe('a form refuses dates that do not exist, naming the field', () => {
  test.each([
    ['2017-02-30', 'Version date: 2017-02-30 is not a real date'],
    ['2019-02-29', 'Version date: 2019-02-29 is not a real date'],
    ['2017-13-01', 'Version date: 2017-13-01 is not a real date'],
    ['2017-00-10', 'Version date: 2017-00-10 is not a real date'],
    ['2017-04-31', 'Version date: 2017-04-31 is not a real date'],
    ['29/03/2017', 'Version date must be a date like 2017-03-29'],
    ['March 29', 'Version date must be a date like 2017-03-29'],
  ])('version date %s', (versionDate, message) => {
    expect(validateSource(billVersionInput({ versionDate }))).toEqual({ ok: false, issues: [{ path: 'versionDate', message }] })
  })

  test('month 13 in a partial publication date', () => {
    expect(validateSource(newsArticleInput({ date: '2017-13' }))).toEqual({
      ok: false,
      issues: [{ path: 'date', message: 'Publication date: 2017-13 is not a real date' }],
    })
  })

  test('an impossible accessed date', () => {
    const checked = validateSource(reportInput({ accessed: '2019-06-31' }))
    expect(checked).toEqual({ ok: false, issues: [{ path: 'accessed', message: 'Accessed date: 2019-06-31 is not a real date' }] })
  })
})

test('leap days exist in leap years only', () => {
  expect(validateSource(billVersionInput({ versionDate: '2020-02-29' })).ok).toBe(true)
  expect(validateSource(billVersionInput({ versionDate: '2000-02-29' })).ok).toBe(true)
  expect(validateSource(billVersionInput({ versionDate: '1900-02-29' })).ok).toBe(false)
})

test('a bill version needs a full date: versions are ordered by it', () => {
  expect(validateSource(billVersionInput({ versionDate: '2019-03' }))).toEqual({
    ok: false,
    issues: [{ path: 'versionDate', message: 'Version date must be a full date like 2017-03-29' }],
  })
})

describe('a CSL item with an impossible date is refused', () => {
  const item = toCsl(newsArticleInput())
  test.each([
    [{ 'date-parts': [[2017, 2, 30]] }, 'Publication date: 2017-02-30 is not a real date'],
    [{ 'date-parts': [['2017', '13']] }, 'Publication date: 2017-13 is not a real date'],
    [{ 'date-parts': [[2017, 3, 1], [2017, 3, 32]] }, 'Publication date: 2017-03-32 is not a real date'],
    [{ raw: '2017-02-30' }, 'Publication date: 2017-02-30 is not a real date'],
    [{ 'date-parts': [['soon']] }, 'Publication date: date-parts must be [year, month, day] numbers'],
    [{}, 'Publication date has no date-parts, raw or literal date'],
  ])('%j', (issued, message) => {
    expect(parseCslItem({ ...item, issued })).toEqual({ ok: false, issues: [{ path: 'issued', message }] })
  })

  test('on any date variable, not only ours', () => {
    const checked = parseCslItem({ id: 'b1', type: 'book', title: 'A book', 'original-date': { 'date-parts': [[1999, 2, 29]] } })
    expect(checked).toEqual({ ok: false, issues: [{ path: 'original-date', message: 'Original date: 1999-02-29 is not a real date' }] })
  })
})

test('CSL dates in the shapes Zotero and citeproc-js write are accepted and normalised to numbers', () => {
  const base = { id: 'b1', type: 'book', title: 'A book' }
  expect(parseCslItem({ ...base, issued: { 'date-parts': [['2017', '3', '']] } })).toEqual({
    ok: true,
    value: { ...base, issued: { 'date-parts': [[2017, 3]] } },
  })
  expect(parseCslItem({ ...base, issued: { literal: 'Spring 2017' } }).ok).toBe(true)
  expect(parseCslItem({ ...base, issued: { raw: 'circa 1850' } }).ok).toBe(true)
})
