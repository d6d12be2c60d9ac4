import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { fromCsl, readSource, readSources, toCsl, writeSource, type BillVersionInput, type CslItem } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput } from './fixtures.js'

/** Brings two docs to the same state, as two connected clients would. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

/** What a member does in the edit form: read the source, change some fields, save. */
function editBill(doc: Y.Doc, id: string, change: Partial<BillVersionInput>): void {
  const stored = readSource(doc, id) as CslItem
  writeSource(doc, toCsl({ ...(fromCsl(stored) as BillVersionInput), ...change }, stored))
}

function twoPeersWithOneBill(): { alice: Y.Doc; bob: Y.Doc; id: string } {
  const alice = new Y.Doc()
  const bob = new Y.Doc()
  const bill = toCsl(billVersionInput({ id: 'src_shared000001' }))
  writeSource(alice, bill)
  exchange(alice, bob)
  expect(readSource(bob, bill.id)).toEqual(bill)
  return { alice, bob, id: bill.id }
}

test('two people editing different fields of one source at the same time keep both edits', () => {
  const { alice, bob, id } = twoPeersWithOneBill()
  editBill(alice, id, { url: 'https://legislature.example.gov/bills/sb101/v2' })
  editBill(bob, id, { title: 'Public Parks, Trails and Beaches Access Act', chapterNumber: '321' })
  exchange(alice, bob)

  const merged = readSource(alice, id)
  expect(readSource(bob, id)).toEqual(merged)
  expect(merged).toMatchObject({
    URL: 'https://legislature.example.gov/bills/sb101/v2',
    title: 'Public Parks, Trails and Beaches Access Act',
    'chapter-number': '321',
  })
})

test('different keys of custom (version label, status) also merge', () => {
  const { alice, bob, id } = twoPeersWithOneBill()
  editBill(alice, id, { versionLabel: 'Amended in Assembly' })
  editBill(bob, id, { status: 'In committee' })
  exchange(alice, bob)

  expect(readSource(alice, id)).toEqual(readSource(bob, id))
  expect(readSource(alice, id)?.custom).toEqual({
    caucusKind: 'billVersion',
    session: '2019–2020',
    versionLabel: 'Amended in Assembly',
    status: 'In committee',
  })
})

test('the same field edited by both converges to one of the two values', () => {
  const { alice, bob, id } = twoPeersWithOneBill()
  editBill(alice, id, { title: 'Title by Alice' })
  editBill(bob, id, { title: 'Title by Bob' })
  exchange(alice, bob)

  const title = readSource(alice, id)?.title
  expect(['Title by Alice', 'Title by Bob']).toContain(title)
  expect(readSource(bob, id)?.title).toBe(title)
})

test('sources added by each side at the same time are all kept, listed alike', () => {
  const { alice, bob } = twoPeersWithOneBill()
  writeSource(alice, toCsl(newsArticleInput({ id: 'src_alicenews001' })))
  writeSource(bob, toCsl(newsArticleInput({ id: 'src_bobnews00001', title: 'Trail vote delayed' })))
  exchange(alice, bob)

  expect(readSources(alice).map((item) => item.id)).toEqual(['src_alicenews001', 'src_bobnews00001', 'src_shared000001'])
  expect(readSources(bob)).toEqual(readSources(alice))
})
