import { expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  deleteSource,
  observeSources,
  readSource,
  readSources,
  SOURCES_MAP,
  toCsl,
  writeSource,
  type SourcesChange,
} from '../../shared/sources/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { billVersionInput, newsArticleInput } from './fixtures.js'

test('a source is stored as a map of its CSL fields, with custom one level deeper', () => {
  const doc = new Y.Doc()
  const bill = toCsl(billVersionInput({ id: 'src_bill00000001' }))
  writeSource(doc, bill)

  expect(SOURCES_MAP).toBe(YLayout.sources)
  const entry = doc.getMap(SOURCES_MAP).get(bill.id)
  expect(entry).toBeInstanceOf(Y.Map)
  const fields = entry as Y.Map<unknown>
  expect([...fields.keys()].sort()).toEqual(['URL', 'authority', 'custom', 'issued', 'jurisdiction', 'number', 'title', 'type'])
  expect(fields.get('custom')).toBeInstanceOf(Y.Map)
  expect(readSource(doc, bill.id)).toEqual(bill)
})

test('updating a source writes only the fields that changed, and removes the ones left out', () => {
  const doc = new Y.Doc()
  const news = toCsl(newsArticleInput({ id: 'src_news00000001' }))
  writeSource(doc, news)
  const fields = doc.getMap(SOURCES_MAP).get(news.id) as Y.Map<unknown>
  const changed: string[][] = []
  fields.observe((event) => changed.push([...event.keysChanged].sort()))

  const { section: _, ...withoutSection } = news
  writeSource(doc, { ...withoutSection, URL: 'https://ledger.example.com/updated' })
  expect(changed).toEqual([['URL', 'section']])

  let updates = 0
  doc.on('update', () => updates++)
  writeSource(doc, readSource(doc, news.id)!)
  expect(updates).toBe(0)
})

test('deleting a source removes it; deleting it again reports there was none', () => {
  const doc = new Y.Doc()
  writeSource(doc, toCsl(newsArticleInput({ id: 'src_news00000001' })))
  expect(deleteSource(doc, 'src_news00000001')).toBe(true)
  expect(readSource(doc, 'src_news00000001')).toBeUndefined()
  expect(readSources(doc)).toEqual([])
  expect(deleteSource(doc, 'src_news00000001')).toBe(false)
})

test('observers hear which sources changed, with the origin, until they stop', () => {
  const doc = new Y.Doc()
  const changes: SourcesChange[] = []
  const stop = observeSources(doc, (change) => changes.push(change))
  const news = toCsl(newsArticleInput({ id: 'src_news00000001' }))

  writeSource(doc, news, 'sidebar')
  writeSource(doc, { ...news, title: 'New title' })
  const remote = new Y.Doc()
  writeSource(remote, toCsl(billVersionInput({ id: 'src_bill00000001' })))
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'peer')
  deleteSource(doc, news.id)
  stop()
  writeSource(doc, news)

  expect(changes).toEqual([
    { ids: ['src_news00000001'], origin: 'sidebar', local: true },
    { ids: ['src_news00000001'], origin: null, local: true },
    { ids: ['src_bill00000001'], origin: 'peer', local: false },
    { ids: ['src_news00000001'], origin: null, local: true },
  ])
})

test('an entry that does not read as a CSL item is left out instead of breaking readers', () => {
  const doc = new Y.Doc()
  writeSource(doc, toCsl(newsArticleInput({ id: 'src_good00000001' })))
  const bad = new Y.Map<unknown>()
  doc.getMap(SOURCES_MAP).set('src_bad000000001', bad)
  bad.set('type', 'webpage')
  bad.set('title', 'Looks fine')
  bad.set('URL', 'javascript:alert(1)')
  doc.getMap(SOURCES_MAP).set('src_notamap00001', 'just a string')

  expect(readSources(doc).map((item) => item.id)).toEqual(['src_good00000001'])
  expect(readSource(doc, 'src_bad000000001')).toBeUndefined()
})
