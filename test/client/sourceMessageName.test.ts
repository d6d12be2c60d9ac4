import { expect, test } from 'vitest'
import { sourceMessageName } from '../../client/sources/sourceMessageName.js'
import { toCsl } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput } from '../shared/fixtures.js'

const sb54 = (versionLabel: string, versionDate: string) =>
  toCsl(billVersionInput({ billNumber: 'SB 54', session: '2017–2018', versionLabel, versionDate, title: 'California Values Act' }))

test('a saved bill version is named by number, session and version, so two versions with one title differ', () => {
  expect(sourceMessageName(sb54('Amended in Senate', '2017-03-13'))).toBe('SB 54 (2017–2018), amended in Senate Mar. 13, 2017')
  expect(sourceMessageName(sb54('Amended Assembly', '2017-09-08'))).toBe('SB 54 (2017–2018), amended in Assembly Sept. 8, 2017')
  expect(sourceMessageName(sb54('Enrolled', '2017-09-16'))).toBe('SB 54 (2017–2018), enrolled Sept. 16, 2017')
  expect(sourceMessageName(sb54('Vetoed', '2017-10-01'))).toBe('SB 54 (2017–2018), Vetoed Oct. 1, 2017')
})

test('other sources are named by their title', () => {
  expect(sourceMessageName(toCsl(newsArticleInput()))).toBe('“County weighs new trail funding”')
})
