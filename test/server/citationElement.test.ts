import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { editorSchema } from '../../shared/editorSchema.js'
import { YLayout } from '../../shared/yLayout.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** A `citation` element as a plain Yjs client writes it: no Tiptap, just the documented layout. */
function citation(attributes: Record<string, string>): Y.XmlElement {
  const element = new Y.XmlElement('citation')
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  return element
}

test('a citation element written by a plain Yjs client is a valid citation node of the editor schema', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const writer = connectClient(server.wsUrl, docId)
  await waitForSync(writer.provider)

  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [
    new Y.XmlText('The bill was narrowed '),
    citation({ sourceId: 'src_bill00000001', locator: '§ 7284.6(a)(1)' }),
    new Y.XmlText(' and reported on '),
    citation({ sourceId: 'src_news00000001' }),
    new Y.XmlText('.'),
  ])
  writer.doc.getXmlFragment(YLayout.richTextFragment).insert(0, [paragraph])

  const room = (await server.server.collab.rooms.peek(docId))!
  const serverFragment = room.doc.getXmlFragment(YLayout.richTextFragment)
  await waitFor(() => serverFragment.length === 1, { message: 'the server to receive the paragraph' })

  // Converted from a copy: y-tiptap deletes elements the schema refuses, and must not touch the live document.
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
  const fragment = copy.getXmlFragment(YLayout.richTextFragment)
  const before = fragment.toString()
  const node = yXmlFragmentToProseMirrorRootNode(fragment, editorSchema)
  expect(fragment.toString()).toBe(before)
  expect(() => node.check()).not.toThrow()

  expect(node.toJSON()).toEqual({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The bill was narrowed ' },
          { type: 'citation', attrs: { sourceId: 'src_bill00000001', locator: '§ 7284.6(a)(1)', clipboardSource: null } },
          { type: 'text', text: ' and reported on ' },
          { type: 'citation', attrs: { sourceId: 'src_news00000001', locator: null, clipboardSource: null } },
          { type: 'text', text: '.' },
        ],
      },
    ],
  })
})
