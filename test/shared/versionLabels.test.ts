import { describe, expect, test } from 'vitest'
import { compareBillVersions, formatFullReference, formatInlineLabel, toCsl, versionStage } from '../../shared/sources/index.js'
import { versionPhrase } from '../../shared/sources/billLabels.js'
import { parseVersionLabel } from '../../shared/sources/versionLabels.js'
import { billVersionInput } from './fixtures.js'

// leginfo.legislature.ca.gov's version list writes "Amended Senate"; our form offers "Amended in Senate".
const LEGINFO_AND_OURS: [string, string][] = [
  ['Amended Senate', 'Amended in Senate'],
  ['Amended Assembly', 'Amended in Assembly'],
  ['amended  senate', 'Amended in Senate'],
  ['Enrolled', 'Enrolled'],
  ['Chaptered', 'Chaptered'],
]

describe("leginfo's wording is recognised like ours", () => {
  test.each(LEGINFO_AND_OURS)('%s', (leginfo, ours) => {
    expect(parseVersionLabel(leginfo)).toEqual(parseVersionLabel(ours))
    expect(parseVersionLabel(leginfo)).toBeDefined()
    expect(versionPhrase(leginfo)).toBe(versionPhrase(ours))
    const [theirs, mine] = [leginfo, ours].map((versionLabel) => toCsl(billVersionInput({ versionLabel })))
    expect(formatInlineLabel(theirs!)).toBe(formatInlineLabel(mine!))
    // The full reference is worded elsewhere; here it only has to come out the same for both spellings.
    expect(formatFullReference(theirs!)).toBe(formatFullReference(mine!))
    expect(versionStage(leginfo)).toBe(versionStage(ours))
  })

  test('"Amended Senate" reads as an amendment, not as free text', () => {
    expect(parseVersionLabel('Amended Senate')).toEqual({ verb: 'amended in', body: 'Senate' })
    expect(formatInlineLabel(toCsl(billVersionInput({ versionLabel: 'Amended Assembly', versionDate: '2019-09-01' })))).toBe('SB 101 (am. Assembly, Sept. 1, 2019)')
  })

  test('on the same day, "Enrolled" from leginfo sorts after "Amended Senate"', () => {
    const amended = toCsl(billVersionInput({ id: 'a', versionLabel: 'Amended Senate', versionDate: '2019-09-10' }))
    const enrolled = toCsl(billVersionInput({ id: 'b', versionLabel: 'Enrolled', versionDate: '2019-09-10' }))
    expect(compareBillVersions(amended, enrolled)).toBeLessThan(0)
  })

  test('free text stays free text', () => {
    expect(parseVersionLabel('Vetoed')).toBeUndefined()
    expect(parseVersionLabel('')).toBeUndefined()
    expect(parseVersionLabel(undefined)).toBeUndefined()
  })
})
