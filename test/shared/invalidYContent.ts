import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'

/** One kind of content the schema cannot read, as a hostile client or a newer version could write it. */
export interface InvalidContentCase {
  name: string
  /** Adds the content to the statement fragment. */
  write: (fragment: Y.XmlFragment) => void
}

const paragraphWith = (text: string, attributes?: Record<string, unknown>): Y.XmlElement => {
  const paragraph = new Y.XmlElement('paragraph')
  const run = new Y.XmlText()
  run.insert(0, text, attributes)
  paragraph.insert(0, [run])
  return paragraph
}

/** Every kind the editor must show without losing it (and the server must refuse from a client). */
export const invalidContentCases: InvalidContentCase[] = [
  {
    name: 'text directly under the root',
    write: (fragment) => {
      const text = new Y.XmlText()
      text.insert(0, 'Stray text at the top level')
      fragment.push([text])
    },
  },
  { name: 'an unknown node', write: (fragment) => fragment.push([new Y.XmlElement('pollWidget')]) },
  { name: 'an unknown mark', write: (fragment) => fragment.push([paragraphWith('Text with a future mark', { highlight: { color: 'yellow' } })]) },
  {
    name: 'a node in the wrong place',
    write: (fragment) => {
      const outer = new Y.XmlElement('paragraph')
      outer.insert(0, [paragraphWith('A paragraph inside a paragraph')])
      fragment.push([outer])
    },
  },
  {
    name: 'a list item at the top level',
    write: (fragment) => {
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraphWith('An orphan list item')])
      fragment.push([item])
    },
  },
]

/** A statement of two good paragraphs with one kind of invalid content between them. */
export function documentWith(kind: InvalidContentCase): Y.Doc {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(YLayout.richTextFragment)
  fragment.push([paragraphWith('First good paragraph.')])
  kind.write(fragment)
  fragment.push([paragraphWith('Last good paragraph.')])
  return doc
}
