import * as Y from 'yjs'
import { writeSource, type CslItem } from '../../shared/sources/index.js'
import { YLayout } from '../../shared/yLayout.js'
import { createDoc, type TestServer } from './testServer.js'
import { waitFor } from './waitFor.js'
import { connectClient, waitForSync } from './yClient.js'

/** A piece of a paragraph: text, or a citation of the source with this id. */
export type Piece = string | { cite: string }

/**
 * Creates a document with these sources and paragraphs, written by a stock Yjs client and saved, so a test
 * can lay out exactly the citations it needs (how many per source, where).
 */
export async function createCitedDocument(server: TestServer, sources: CslItem[], paragraphs: Piece[][]): Promise<string> {
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  writer.doc.transact(() => {
    for (const source of sources) writeSource(writer.doc, source)
    const blocks = paragraphs.map((pieces) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(
        0,
        pieces.map((piece) => {
          if (typeof piece === 'string') return new Y.XmlText(piece)
          const citation = new Y.XmlElement('citation')
          citation.setAttribute('sourceId', piece.cite)
          return citation
        }),
      )
      return paragraph
    })
    writer.doc.getXmlFragment(YLayout.richTextFragment).insert(0, blocks)
  })
  await waitFor(() => writer.saved!.isAllSaved(), { message: 'the cited document to be saved' })
  writer.destroy()
  return docId
}
