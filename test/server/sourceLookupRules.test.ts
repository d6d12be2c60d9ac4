import { expect, test } from 'vitest'
import { DEFAULT_SECURITY, readConfig } from '../../server/config.js'
import { addressRefusal } from '../../server/lookup/addressPolicy.js'
import { isoDay, itemFromPage } from '../../server/lookup/lookupItem.js'
import { californiaBillFromUrl } from '../../shared/sources/californiaBills.js'
import { parseCslItem } from '../../shared/sources/index.js'

test('the fetch limits are 5 s, 2 MB and 5 redirects, and only CAUCUS_FETCH_ALLOW_LOOPBACK=1 opens loopback', () => {
  expect(DEFAULT_SECURITY).toMatchObject({ fetchTimeoutMs: 5000, fetchMaxBytes: 2 * 1024 * 1024, fetchMaxRedirects: 5, fetchAllowLoopback: false })
  expect(readConfig({}).security.fetchAllowLoopback).toBe(false)
  expect(readConfig({ CAUCUS_FETCH_ALLOW_LOOPBACK: '1' }).security.fetchAllowLoopback).toBe(true)
  expect(readConfig({ CAUCUS_FETCH_ALLOW_LOOPBACK: 'yes' }).security.fetchAllowLoopback).toBe(false)
})

test('only public unicast addresses pass; loopback only with the test setting', () => {
  for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) expect(addressRefusal(address, false)).toBeNull()
  expect(addressRefusal('127.0.0.1', false)).toBe('loopback')
  expect(addressRefusal('127.0.0.1', true)).toBeNull()
  expect(addressRefusal('::1', true)).toBeNull()
  expect(addressRefusal('::ffff:127.0.0.1', false)).toBe('loopback')
  expect(addressRefusal('::ffff:192.168.0.1', true)).toBe('private')
  expect(addressRefusal('fd00:ec2::254', true)).toBe('metadata')
  // NAT64, 6to4, multicast, broadcast, documentation and benchmarking ranges can all lead somewhere private.
  for (const address of ['64:ff9b::a00:1', '2002:a00:1::', 'ff02::1', '255.255.255.255', '224.0.0.1', '198.18.0.1', '192.0.2.1', 'nonsense']) {
    expect(addressRefusal(address, true), address).toBe('reserved')
  }
})

test('California bill links name the jurisdiction, session and bill; other links do not', () => {
  const sb54 = { jurisdiction: 'California', legislativeBody: 'California State Senate', session: '2017–2018', billNumber: 'SB 54' }
  expect(californiaBillFromUrl('https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=201720180SB54')).toEqual(sb54)
  expect(californiaBillFromUrl('https://leginfo.legislature.ca.gov/faces/billVersionsCompareClient.xhtml?bill_id=201720180SB54')).toEqual(sb54)
  expect(californiaBillFromUrl('https://leginfo.legislature.ca.gov/faces/billTextClient.xhtml?bill_id=201720180SB54&version=20170SB5491CHP')).toEqual(sb54)
  expect(californiaBillFromUrl('https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202320241AB7')).toEqual({
    jurisdiction: 'California',
    legislativeBody: 'California State Assembly',
    session: '2023–2024 1st Extraordinary Session',
    billNumber: 'AB 7',
  })
  expect(californiaBillFromUrl('https://example.org/faces/billNavClient.xhtml?bill_id=201720180SB54')).toBeUndefined()
  expect(californiaBillFromUrl('https://leginfo.legislature.ca.gov/faces/codes.xhtml')).toBeUndefined()
  expect(californiaBillFromUrl('https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=nonsense')).toBeUndefined()
})

test('a California bill page becomes a bill version waiting for its version to be picked', () => {
  const url = 'https://leginfo.legislature.ca.gov/faces/billVersionsCompareClient.xhtml?bill_id=201720180SB54'
  const item = itemFromPage(url, url, { title: 'Bill Text - SB-54 Law enforcement: sharing data.' }, '2026-01-05')
  expect(item).toMatchObject({
    type: 'bill',
    title: 'Law enforcement: sharing data.',
    number: 'SB 54',
    authority: 'California State Senate',
    jurisdiction: 'California',
    URL: url,
    custom: { session: '2017–2018' },
  })
  // No version label or date yet: the form asks for them, and nothing claims the item is complete.
  expect(item.custom?.caucusKind).toBeUndefined()
  expect(item.custom?.versionLabel).toBeUndefined()
  expect(item.issued).toBeUndefined()
  expect(parseCslItem(item).ok).toBe(true)
})

test('page dates become ISO days, months or years; impossible ones are dropped', () => {
  expect(isoDay('2019-04-02T08:30:00-07:00')).toBe('2019-04-02')
  expect(isoDay('2019/4/2')).toBe('2019-04-02')
  expect(isoDay('2019-05')).toBe('2019-05')
  expect(isoDay('2018')).toBe('2018')
  expect(isoDay('2019-13-45')).toBeUndefined()
  expect(isoDay('2019-02-30')).toBeUndefined()
  expect(isoDay('April 2, 2019')).toBeUndefined()
})
