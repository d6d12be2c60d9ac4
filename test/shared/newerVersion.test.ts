import { expect, test } from 'vitest'
import { newerVersionOf, toCsl } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput } from './fixtures.js'

const introduced = toCsl(billVersionInput({ id: 'v1', versionLabel: 'Introduced', versionDate: '2019-01-10', billNumber: 'SB 101' }))
const amended = toCsl(billVersionInput({ id: 'v2', versionLabel: 'Amended in Senate', versionDate: '2019-03-29', billNumber: 'SB-101' }))
const enrolled = toCsl(billVersionInput({ id: 'v3', versionLabel: 'Enrolled', versionDate: '2019-09-12', billNumber: 'sb 101' }))
const otherBill = toCsl(billVersionInput({ id: 'x1', versionLabel: 'Enrolled', versionDate: '2020-01-01', billNumber: 'SB 102' }))

test('an older version knows the latest version of its bill', () => {
  const items = [introduced, amended, enrolled, otherBill]
  expect(newerVersionOf(items, introduced)?.id).toBe('v3')
  expect(newerVersionOf(items, amended)?.id).toBe('v3')
})

test('the latest version, other bills and non-bills have no newer version', () => {
  const items = [introduced, amended, enrolled, otherBill, toCsl(newsArticleInput())]
  expect(newerVersionOf(items, enrolled)).toBeUndefined()
  expect(newerVersionOf(items, otherBill)).toBeUndefined()
  expect(newerVersionOf(items, items[4]!)).toBeUndefined()
  expect(newerVersionOf([introduced], introduced)).toBeUndefined()
})

test('a later version on the same day counts by stage; an identical duplicate does not count', () => {
  const chaptered = toCsl(billVersionInput({ id: 'v4', versionLabel: 'Chaptered', versionDate: '2019-09-12' }))
  expect(newerVersionOf([enrolled, chaptered], enrolled)?.id).toBe('v4')
  const duplicate = { ...enrolled, id: 'v3-copy' }
  expect(newerVersionOf([enrolled, duplicate], enrolled)).toBeUndefined()
})
