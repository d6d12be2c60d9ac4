import { expect, test } from 'vitest'
import {
  billKey,
  groupBills,
  latestVersion,
  normalizeBillNumber,
  normalizeSession,
  toCsl,
} from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput } from './fixtures.js'

test('bill numbers and sessions written differently name the same bill', () => {
  expect(new Set(['SB 101', 'SB-101', 'sb101', 'S.B. 101', 'SB 0101'].map(normalizeBillNumber))).toEqual(new Set(['SB101']))
  expect(new Set(['2019–2020', '2019-2020', '2019 - 2020', '2019–20'].map(normalizeSession))).toEqual(new Set(['2019-2020']))
  const keys = ['SB 101', 'SB-101', 'sb101'].map((billNumber) => billKey(toCsl(billVersionInput({ billNumber }))))
  expect(new Set(keys).size).toBe(1)
})

test('the same number in another session or jurisdiction is another bill', () => {
  const key = billKey(toCsl(billVersionInput()))
  expect(billKey(toCsl(billVersionInput({ session: '2021–2022' })))).not.toBe(key)
  expect(billKey(toCsl(billVersionInput({ jurisdiction: 'Oregon' })))).not.toBe(key)
  expect(billKey(toCsl(newsArticleInput()))).toBeUndefined()
})

test('versions are grouped by bill and ordered by date, then by stage on the same day', () => {
  const version = (id: string, billNumber: string, versionLabel: string, versionDate: string) =>
    toCsl(billVersionInput({ id, billNumber, versionLabel, versionDate }))
  const items = [
    version('chaptered', 'sb101', 'Chaptered', '2019-10-05'),
    version('amended-1', 'SB-101', 'Amended in Senate', '2019-03-29'),
    version('enrolled', 'SB 101', 'Enrolled', '2019-10-05'),
    toCsl(newsArticleInput({ id: 'news' })),
    version('introduced', 'SB 101', 'Introduced', '2019-01-10'),
    version('other-bill', 'SB 9', 'Introduced', '2019-01-04'),
    version('amended-2', 'SB 101', 'Amended in Assembly', '2019-06-20'),
  ]
  const groups = groupBills(items)
  expect(groups.map((group) => group.versions.map((item) => item.id))).toEqual([
    ['other-bill'],
    ['introduced', 'amended-1', 'amended-2', 'enrolled', 'chaptered'],
  ])
  expect(groups[1]).toMatchObject({ jurisdiction: 'California', session: '2019–2020', number: 'sb101' })
  expect(latestVersion(groups[1]!).id).toBe('chaptered')
})
