import { describe, expect, test } from 'vitest'
import { parseCslItem, toCsl, validateSource } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, otherInput, reportInput, statementInput, webPageInput } from './fixtures.js'

function issuesOf(value: unknown) {
  const checked = validateSource(value)
  return checked.ok ? [] : checked.issues
}

describe('a bill version without a required field is refused, naming it', () => {
  test.each([
    ['jurisdiction', 'Jurisdiction is required'],
    ['legislativeBody', 'Legislative body is required'],
    ['session', 'Session is required'],
    ['billNumber', 'Bill number is required'],
    ['versionLabel', 'Version is required'],
    ['versionDate', 'Version date is required'],
    ['title', 'Title is required'],
    ['url', 'URL is required'],
  ])('%s', (field, message) => {
    expect(issuesOf({ ...billVersionInput(), [field]: undefined })).toEqual([{ path: field, message }])
    expect(issuesOf({ ...billVersionInput(), [field]: '   ' })).toEqual([{ path: field, message }])
  })
})

describe('a news article without a required field is refused, naming it', () => {
  test.each([
    ['title', 'Title is required'],
    ['outlet', 'Outlet is required'],
    ['date', 'Publication date is required'],
    ['url', 'URL is required'],
  ])('%s', (field, message) => {
    expect(issuesOf({ ...newsArticleInput(), [field]: '' })).toEqual([{ path: field, message }])
  })

  test('authors', () => {
    expect(issuesOf(newsArticleInput({ authors: [] }))).toEqual([{ path: 'authors', message: 'At least one author is required' }])
  })
})

test('an author row with only a given name points at the family name', () => {
  expect(issuesOf({ ...newsArticleInput(), authors: [{ family: 'Rivera' }, { given: 'Sam' }] })).toEqual([
    { path: 'authors.1.family', message: 'Author 2: family name is required' },
  ])
})

test('reports and statements need a date; web pages do not', () => {
  expect(issuesOf(reportInput({ date: undefined }))).toEqual([{ path: 'date', message: 'Date is required' }])
  expect(issuesOf(statementInput({ date: '' }))).toEqual([{ path: 'date', message: 'Date is required' }])
  expect(issuesOf(webPageInput({ date: undefined }))).toEqual([])
})

test('a web page, report or statement needs an author or a publisher', () => {
  expect(issuesOf(webPageInput({ authors: [], publisher: undefined }))).toEqual([
    { path: 'authors', message: 'Author or publisher is required' },
  ])
})

test('every missing field is reported at once', () => {
  expect(issuesOf({ kind: 'billVersion' }).map((issue) => issue.path)).toEqual([
    'jurisdiction', 'legislativeBody', 'session', 'billNumber', 'versionLabel', 'versionDate', 'title', 'url',
  ])
})

test('a bill number must contain a number', () => {
  expect(issuesOf(billVersionInput({ billNumber: 'SB' }))).toEqual([
    { path: 'billNumber', message: 'Bill number must contain a number, like SB 54' },
  ])
})

test('an unknown kind, a non-object and an unknown CSL type are refused', () => {
  expect(issuesOf({ kind: 'toString' })[0]).toMatchObject({ path: 'kind' })
  expect(issuesOf('SB 101')[0]).toMatchObject({ path: '' })
  expect(issuesOf(otherInput({ cslType: 'novel' }))).toEqual([
    { path: 'cslType', message: 'Type must be a CSL item type, such as book or article-journal' },
  ])
})

describe('a CSL item declaring a Caucus kind is held to that kind, with CSL paths', () => {
  test('a bill version without its session', () => {
    const item = toCsl(billVersionInput())
    delete item.custom!.session
    expect(parseCslItem(item)).toEqual({ ok: false, issues: [{ path: 'custom.session', message: 'Session is required' }] })
  })

  test('a bill version without its number', () => {
    const { number: _, ...item } = toCsl(billVersionInput())
    expect(parseCslItem(item)).toEqual({ ok: false, issues: [{ path: 'number', message: 'Bill number is required' }] })
  })

  test('a news article with no author names', () => {
    const item = { ...toCsl(newsArticleInput()), author: [] }
    expect(parseCslItem(item)).toEqual({ ok: false, issues: [{ path: 'author', message: 'At least one author is required' }] })
  })

  test('a declared kind whose CSL type does not fit', () => {
    const item = { ...toCsl(billVersionInput()), type: 'book' }
    expect(parseCslItem(item)).toEqual({ ok: false, issues: [{ path: 'type', message: 'Type must be bill for a bill version' }] })
  })

  test('any CSL item needs an id, a known type and a title', () => {
    expect(parseCslItem({ type: 'novel' })).toEqual({
      ok: false,
      issues: [
        { path: 'id', message: 'Id is required' },
        { path: 'type', message: 'Type: "novel" is not a CSL item type' },
        { path: 'title', message: 'Title is required' },
      ],
    })
  })
})
