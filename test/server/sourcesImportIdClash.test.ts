import { expect, test } from 'vitest'
import type { SourcesImportResult } from '../../shared/apiTypes.js'
import { toCsl, type CslItem } from '../../shared/sources/index.js'
import { createTestApp, requestJson } from '../helpers/testApp.js'
import { billVersionInput, newsArticleInput } from '../shared/fixtures.js'

test('an imported id already in the document: identical items are kept once, different ones get a fresh id', async () => {
  const { app } = createTestApp()
  const { document } = (await (await requestJson(app, 'POST', '/api/docs')).json()) as { document: { id: string } }
  const path = `/api/docs/${document.id}/sources`
  const importItems = async (items: CslItem[]) => {
    const response = await requestJson(app, 'POST', path, items)
    expect(response.status).toBe(201)
    return (await response.json()) as SourcesImportResult
  }
  const bill = toCsl(billVersionInput({ id: 'src_bill00000001' }))
  const news = toCsl(newsArticleInput({ id: 'src_news00000001' }))
  expect(await importItems([bill, news])).toEqual({ ids: [bill.id, news.id], renamed: {}, unchanged: [] })

  // The same file again adds nothing.
  expect(await importItems([bill, news])).toEqual({ ids: [bill.id, news.id], renamed: {}, unchanged: [bill.id, news.id] })

  // A different item under a taken id never overwrites the source citations point at.
  const otherVersion = { ...bill, title: 'Renamed in a later version', custom: { ...bill.custom, versionLabel: 'Enrolled' } }
  const result = await importItems([otherVersion])
  const freshId = result.renamed[bill.id]!
  expect(freshId).toMatch(/^src_/)
  expect(result).toEqual({ ids: [freshId], renamed: { [bill.id]: freshId }, unchanged: [] })

  const stored = (await (await app.request(path)).json()) as CslItem[]
  expect(stored).toHaveLength(3)
  expect(stored.find((item) => item.id === bill.id)).toEqual(bill)
  expect(stored.find((item) => item.id === freshId)).toEqual({ ...otherVersion, id: freshId })
})
