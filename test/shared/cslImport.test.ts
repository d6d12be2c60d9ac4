import { expect, test } from 'vitest'
import { toCsl, validateCslImport } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput } from './fixtures.js'

const zoteroBook = {
  id: 'http://zotero.org/users/local/x1/items/BOOK0001',
  type: 'book',
  title: 'Commons and Cities',
  author: [{ family: 'Lindqvist', given: 'Sara' }],
  publisher: 'Harbor Press',
  ISBN: '978-0-00-000000-0',
  issued: { 'date-parts': [['2015']] },
}

test('an import with one invalid item is refused whole, reporting that item by index and id', () => {
  const items = [
    toCsl(billVersionInput({ id: 'src_bill00000001' })),
    { ...toCsl(newsArticleInput({ id: 'src_news00000001' })), URL: 'javascript:alert(1)' },
    zoteroBook,
  ]
  expect(validateCslImport(items)).toEqual({
    ok: false,
    message: 'Item 2 is not valid, so nothing was imported',
    errors: [
      { index: 1, id: 'src_news00000001', issues: [{ path: 'URL', message: 'URL must start with http:// or https://' }] },
    ],
  })
})

test('every invalid item is reported, not only the first', () => {
  const result = validateCslImport([{ type: 'book' }, zoteroBook, { id: 7, type: 'book', title: 'Ok', issued: { 'date-parts': [[2017, 2, 30]] } }])
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.message).toBe('2 items are not valid, so nothing was imported')
  expect(result.errors).toEqual([
    { index: 0, issues: [{ path: 'title', message: 'Title is required' }] },
    { index: 2, id: '7', issues: [{ path: 'issued', message: 'Date: 2017-02-30 is not a real date' }] },
  ])
})

test('a valid import returns every item, accepting other CSL types as they are', () => {
  const bill = toCsl(billVersionInput({ id: 'src_bill00000001' }))
  const result = validateCslImport([bill, zoteroBook, { type: 'webpage', title: 'No id here', URL: 'https://example.org/' }])
  expect(result.ok).toBe(true)
  if (!result.ok) return
  expect(result.items[0]).toEqual(bill)
  expect(result.items[1]).toEqual({ ...zoteroBook, issued: { 'date-parts': [[2015]] } })
  expect(result.items[2]!.id).toMatch(/^src_/)
})

test('two items with the same id are refused', () => {
  const result = validateCslImport([zoteroBook, { ...zoteroBook, title: 'Second edition' }])
  expect(result).toMatchObject({
    ok: false,
    errors: [{ index: 1, id: zoteroBook.id, issues: [{ path: 'id', message: `Id "${zoteroBook.id}" is already used by item 1` }] }],
  })
})

test('something other than an array is refused with a message', () => {
  expect(validateCslImport({ items: [] })).toEqual({ ok: false, message: 'A CSL-JSON import must be an array of items', errors: [] })
})
