import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { writeSource, type CslItem } from '../../../shared/sources/index.js'
import { YLayout } from '../../../shared/yLayout.js'
import { fixtureArticle, fixtureBill } from '../../helpers/statementFixture.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { diffVersions, nameVersion } from '../../helpers/versionsApi.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

const laterBill: CslItem = {
  ...fixtureBill,
  id: 'src_bill0000002',
  issued: { 'date-parts': [[2018, 6, 1]] },
  URL: 'https://leginfo.example.org/ab99/enrolled',
  custom: { caucusKind: 'billVersion', session: '2017-18', versionLabel: 'Enrolled' },
}
const report: CslItem = { id: 'src_report00001', type: 'report', title: 'Safe Schools Survey', publisher: 'Civic Data Institute', issued: { 'date-parts': [[2017]] }, custom: { caucusKind: 'report' } }
const page: CslItem = { id: 'src_webpage0001', type: 'webpage', title: 'Our position', URL: 'https://coalition.example.org/position', custom: { caucusKind: 'webPage' } }

const citation = (sourceId: string, locator?: string) => {
  const element = new Y.XmlElement('citation')
  element.setAttribute('sourceId', sourceId)
  if (locator) element.setAttribute('locator', locator)
  return element
}

test('a comparison lists citations re-pinned to another version of the bill or another pinpoint, removed and added, and no words for them', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  const paragraph = new Y.XmlElement('paragraph')
  writer.doc.transact(() => {
    for (const source of [fixtureBill, laterBill, fixtureArticle, report, page]) writeSource(writer.doc, source)
    paragraph.insert(0, [new Y.XmlText('The bill protects students'), citation(fixtureBill.id), new Y.XmlText(', as reported'), citation(fixtureArticle.id), new Y.XmlText(' and surveyed'), citation(report.id, 'p. 4'), new Y.XmlText('.')])
    writer.doc.getXmlFragment(YLayout.richTextFragment).insert(0, [paragraph])
  })
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the first text to be saved' })
  await nameVersion(server.url, docId, 'Before')

  // As the editor does it: re-pin the bill citation, change the survey's pinpoint, drop the article, cite the page.
  writer.doc.transact(() => {
    ;(paragraph.get(1) as Y.XmlElement).setAttribute('sourceId', laterBill.id)
    ;(paragraph.get(5) as Y.XmlElement).setAttribute('locator', 'p. 5')
    paragraph.delete(3, 1)
    paragraph.insert(paragraph.length, [citation(page.id)])
  })
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the citation changes to be saved' })
  await nameVersion(server.url, docId, 'After')

  const diff = await diffVersions(server.url, docId, 1, 2)
  expect(diff.citations).toEqual({
    repinned: [
      { from: { sourceId: fixtureBill.id, locator: null }, to: { sourceId: laterBill.id, locator: null } },
      { from: { sourceId: report.id, locator: 'p. 4' }, to: { sourceId: report.id, locator: 'p. 5' } },
    ],
    removed: [{ sourceId: fixtureArticle.id, locator: null }],
    added: [{ sourceId: page.id, locator: null }],
  })
  expect(diff.inserted).toEqual([])
  expect(diff.deleted).toEqual([])
  expect(diff.parts).toEqual([{ kind: 'same', text: 'The bill protects students, as reported and surveyed.' }])
})
