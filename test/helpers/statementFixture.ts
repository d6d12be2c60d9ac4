import * as Y from 'yjs'
import { writeSource, type CslItem } from '../../shared/sources/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { createDoc, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'
import { connectClient, waitForSync, type TestClient } from './yClient.js'

export const fixtureBill: CslItem = {
  id: 'src_bill0000001',
  type: 'bill',
  title: 'Sanctuary Schools Act',
  number: 'AB 99',
  authority: 'California State Assembly',
  jurisdiction: 'California',
  issued: { 'date-parts': [[2018, 2, 14]] },
  URL: 'https://leginfo.example.org/ab99/amended',
  custom: { caucusKind: 'billVersion', session: '2017–2018', versionLabel: 'Amended in Assembly' },
}

export const fixtureArticle: CslItem = {
  id: 'src_news0000001',
  type: 'article-newspaper',
  title: 'Schools brace for raids',
  author: [{ family: 'Ruiz', given: 'Ana' }],
  'container-title': 'Harbor Times',
  issued: { 'date-parts': [[2018, 3, 2]] },
  URL: 'https://news.example.org/schools',
  custom: { caucusKind: 'newsArticle' },
}

/** Writes a short statement with two sources and three citations, as any Yjs client could. */
export function writeFixtureStatement(doc: Y.Doc): void {
  doc.transact(() => {
    writeSource(doc, fixtureBill)
    writeSource(doc, fixtureArticle)
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', 2 as unknown as string)
    heading.insert(0, [new Y.XmlText('Keep schools safe')])
    const paragraph = new Y.XmlElement('paragraph')
    const cite = (sourceId: string, locator?: string) => {
      const element = new Y.XmlElement('citation')
      element.setAttribute('sourceId', sourceId)
      if (locator) element.setAttribute('locator', locator)
      return element
    }
    paragraph.insert(0, [new Y.XmlText('The bill *protects* students '), cite(fixtureBill.id), new Y.XmlText(' as reported '), cite(fixtureArticle.id, 'para. 2'), new Y.XmlText(' and again '), cite(fixtureBill.id, '§ 3')])
    doc.getXmlFragment('default').insert(0, [heading, paragraph])
  })
}

/** Creates a document holding the fixture statement, written by a stock client and saved, then disconnects. */
export async function createFixtureDocument(server: TestServer, title?: string): Promise<string> {
  const docId = await createDoc(server.url, title)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  writeFixtureStatement(writer.doc)
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the fixture statement to be saved' })
  writer.destroy()
  return docId
}

/**
 * Creates a document holding `count` plain paragraphs (`text(i)` each), written by a Yjs client as a
 * colleague would (so none of it is in a browser's own undo history); resolves once it is stored, with the
 * client, still connected, to edit further.
 */
export async function seedParagraphs(server: Pick<TestServer, 'url' | 'wsUrl'>, count: number, text: (i: number) => string): Promise<{ docId: string; writer: TestClient }> {
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  writer.doc.getXmlFragment(YLayout.richTextFragment).insert(0, Array.from({ length: count }, (_, i) => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text(i))])
    return paragraph
  }))
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the seeded paragraphs to be saved' })
  return { docId, writer }
}
