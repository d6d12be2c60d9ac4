import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editorSchema } from '../../shared/editorSchema.js'
import { checkUpdate, type UpdateVerdict } from '../../shared/schemaCheck/updateCheck.js'
import { UnsupportedNames } from '../../shared/unsupported/unsupportedNodes.js'
import { YLayout } from '../../shared/yLayout.js'
import { yElement, yParagraph, yText } from '../export/yWrite.js'
import { invalidContentCases } from './invalidYContent.js'

/** A copy of `server` that makes `change`; returns the verdict on the update that change produced. */
function judge(server: Y.Doc, change: (doc: Y.Doc, fragment: Y.XmlFragment) => void): UpdateVerdict {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  change(client, client.getXmlFragment(YLayout.richTextFragment))
  const update = Y.encodeStateAsUpdate(client, before)
  return checkUpdate(server, Y.decodeUpdate(update).structs)
}

const emptyDoc = () => new Y.Doc()

/** A statement with one paragraph "Hello world" whose "world" is bold. */
function helloDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.getXmlFragment(YLayout.richTextFragment).insert(0, [yParagraph(['Hello '], ['world', { bold: {} }])])
  return doc
}

const firstText = (fragment: Y.XmlFragment) => (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText

const accepted = { kind: 'accepted' }
const refused = expect.objectContaining({ kind: 'refused' })

describe('updates the editor writes are accepted', () => {
  it('a statement holding every node and mark of the schema, written by the editor binding', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: ' code', marks: [{ type: 'code' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'underline' }, { type: 'strike' }] },
            { type: 'citation', attrs: { sourceId: 'src_abc', locator: 'p. 3' } },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }, { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'codeBlock', attrs: { language: 'js' }, content: [{ type: 'text', text: 'let x = 1' }] },
        { type: 'horizontalRule' },
      ],
    }
    expect(judge(emptyDoc(), (_, fragment) => prosemirrorToYXmlFragment(editorSchema.nodeFromJSON(json), fragment))).toEqual(accepted)
  })

  it('typing, formatting, unformatting and deleting in an existing paragraph', () => {
    const server = helloDoc()
    expect(judge(server, (_, fragment) => firstText(fragment).insert(5, ',', {}))).toEqual(accepted)
    expect(judge(server, (_, fragment) => firstText(fragment).format(0, 5, { italic: {} }))).toEqual(accepted)
    expect(judge(server, (_, fragment) => firstText(fragment).format(6, 5, { bold: null }))).toEqual(accepted)
    expect(judge(server, (_, fragment) => firstText(fragment).delete(0, 6))).toEqual(accepted)
    expect(judge(server, (_, fragment) => fragment.delete(0, 1))).toEqual(accepted)
  })

  it('a paragraph added at the end, and a second instance of an overlapping mark (named with a hash)', () => {
    const server = helloDoc()
    expect(judge(server, (_, fragment) => fragment.push([yParagraph(['more'])]))).toEqual(accepted)
    expect(judge(server, (_, fragment) => firstText(fragment).format(0, 5, { 'italic--AbCd+/12': {} }))).toEqual(accepted)
  })

  it('entries of the sources and settings maps', () => {
    expect(judge(emptyDoc(), (doc) => doc.getMap(YLayout.sources).set('src_1', new Y.Map()))).toEqual(accepted)
    expect(judge(emptyDoc(), (doc) => doc.getMap(YLayout.settings).set('citationStyle', 'chicago'))).toEqual(accepted)
  })
})

describe('link attributes older editors stored', () => {
  it('target, rel, class and title are accepted (kept, never rendered: see safeLink.ts)', () => {
    const attrs = { href: 'https://example.org/', target: '_self', rel: '', class: 'x', title: 't' }
    expect(judge(helloDoc(), (_, fragment) => firstText(fragment).format(0, 5, { link: attrs }))).toEqual(accepted)
  })
})

describe('updates that put content outside the schema are refused', () => {
  for (const kind of invalidContentCases) {
    it(kind.name, () => expect(judge(helloDoc(), (_, fragment) => kind.write(fragment))).toEqual(refused))
  }

  const cases: [string, (doc: Y.Doc, fragment: Y.XmlFragment) => void][] = [
    ['a string directly under the root', (_, fragment) => fragment.insert(0, ['stray' as unknown as Y.XmlText])],
    ['a citation directly under the root', (_, fragment) => fragment.push([yElement('citation', { sourceId: 'src_1' })])],
    ['a block inside a textblock', (_, fragment) => fragment.push([yElement('paragraph', {}, yElement('blockquote', {}, yParagraph(['x'])))])],
    ['an element inside a text run', (_, fragment) => firstText(fragment).insertEmbed(0, new Y.XmlElement('paragraph'))],
    ['an embed inside a text run', (_, fragment) => firstText(fragment).insertEmbed(0, { image: 'x.png' })],
    ['an element named "text"', (_, fragment) => fragment.push([yElement('paragraph', {}, new Y.XmlElement('text'))])],
    ['an unknown attribute on a paragraph', (_, fragment) => (fragment.get(0) as Y.XmlElement).setAttribute('align', 'center')],
    ['an unknown attribute of a link', (_, fragment) => firstText(fragment).format(0, 5, { link: { href: 'https://e.org', onclick: 'x' } })],
    ['a mark where the node allows none', (_, fragment) => fragment.push([yElement('codeBlock', {}, yText(['x', { bold: {} }]))])],
    ['the view-only placeholder node', (_, fragment) => fragment.push([yElement(UnsupportedNames.block, { what: 'x' })])],
    ['the view-only placeholder mark', (_, fragment) => firstText(fragment).format(0, 5, { [UnsupportedNames.mark]: { what: 'x' } })],
    ['a ychange formatting attribute', (_, fragment) => firstText(fragment).format(0, 5, { ychange: { type: 'added' } })],
    ['a write to a root outside the layout', (doc) => doc.getText('body').insert(0, 'hidden')],
    ['list content in the sources map', (doc) => doc.getArray(YLayout.sources).push(['x'])],
    ['an attribute on a text run', (_, fragment) => firstText(fragment).setAttribute('x', 'y')],
    ['a map inside a paragraph', (_, fragment) => (fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlHook('widget') as unknown as Y.XmlElement])],
  ]
  for (const [name, change] of cases) {
    it(name, () => expect(judge(helloDoc(), change)).toEqual(refused))
  }

  // However a raw client spells a script address, it never reaches storage (links carry http, https or mailto).
  const hostileHrefs = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'javascript&colon;alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '/api/docs', '', 42, null]
  for (const href of hostileHrefs) {
    it(`a link to ${JSON.stringify(href)}`, () => expect(judge(helloDoc(), (_, fragment) => firstText(fragment).format(0, 5, { link: { href } }))).toEqual(refused))
  }
  it('a link address longer than 2,048 characters', () => {
    expect(judge(helloDoc(), (_, fragment) => firstText(fragment).format(0, 5, { link: { href: `https://e.org/${'a'.repeat(2048)}` } }))).toEqual(refused)
  })

  it('an attribute on the root fragment', () => {
    const client = new Y.Doc()
    client.getMap(YLayout.richTextFragment).set('x', 'y')
    expect(checkUpdate(new Y.Doc(), Y.decodeUpdate(Y.encodeStateAsUpdate(client)).structs)).toEqual(refused)
  })
})

describe('parents in the document and in the same update', () => {
  it('judges an item by the parent already in the document', () => {
    const server = helloDoc()
    expect(judge(server, (_, fragment) => firstText(fragment).format(0, 3, { highlight: { color: 'red' } }))).toEqual(refused)
  })

  it('waits for an update whose parent has not arrived, then judges it', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (update: Uint8Array) => updates.push(update))
    client.getXmlFragment(YLayout.richTextFragment).push([yParagraph(['first'])])
    firstText(client.getXmlFragment(YLayout.richTextFragment)).format(0, 5, { highlight: {} })
    const [paragraph, formatting] = updates
    expect(checkUpdate(server, Y.decodeUpdate(formatting!).structs)).toEqual({ kind: 'waiting' })
    expect(checkUpdate(server, Y.decodeUpdate(paragraph!).structs)).toEqual(accepted)
    Y.applyUpdate(server, paragraph!)
    expect(checkUpdate(server, Y.decodeUpdate(formatting!).structs)).toEqual(refused)
  })
})

describe('formatting the editor keeps without reading', () => {
  /** A paragraph whose whole text carries a mark from a newer version, stored before this check existed. */
  function futureMarkDoc(): Y.Doc {
    const doc = new Y.Doc()
    doc.getXmlFragment(YLayout.richTextFragment).insert(0, [yParagraph(['Text with a future mark', { highlight: { color: 'yellow' } }])])
    return doc
  }

  it('typing inside it is accepted (Yjs restores the formatting after the new text)', () => {
    expect(judge(futureMarkDoc(), (_, fragment) => firstText(fragment).insert(4, ' typed', {}))).toEqual(accepted)
    expect(judge(futureMarkDoc(), (_, fragment) => firstText(fragment).insert(4, ' typed', { bold: {} }))).toEqual(accepted)
  })

  it('putting it anywhere else is refused', () => {
    expect(judge(futureMarkDoc(), (_, fragment) => fragment.push([yParagraph(['copy', { highlight: { color: 'yellow' } }])]))).toEqual(refused)
    expect(judge(futureMarkDoc(), (_, fragment) => firstText(fragment).insert(4, 'x', { highlight: { color: 'red' } }))).toEqual(refused)
  })
})

describe('updates of any size or shape are judged without running out of stack', () => {
  it('20,000 items that each name only their neighbour, judged from the far end of the chain', () => {
    const server = helloDoc()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    const run = firstText(client.getXmlFragment(YLayout.richTextFragment))
    // Typed backwards, each letter by another client: a letter's only reference is the one typed before it, and
    // an update lists the highest client id first, so the first item judged is at the end of a 20,000-long chain.
    client.transact(() => {
      for (let i = 0; i < 20_000; i++) {
        client.clientID = 1_000 + i
        run.insert(0, 'x')
      }
    })
    const verdict = checkUpdate(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client, before)).structs)
    expect(verdict).toEqual(accepted)
  })

  it('blocks nested 10,000 deep, each level by another client (so the innermost is judged first)', () => {
    const client = new Y.Doc()
    // Level by level (Yjs itself recurses through content nested before it is inserted). An update lists the
    // highest client id first: the innermost level's item is judged first and must find all its ancestors.
    let parent: Y.XmlFragment = client.getXmlFragment(YLayout.richTextFragment)
    // One transaction: Yjs measures every client's state at each transaction's start and end.
    client.transact(() => {
      for (let level = 0; level < 10_000; level++) {
        client.clientID = 1_000 + level
        const quote = new Y.XmlElement('blockquote')
        parent.insert(0, [quote])
        parent = quote
      }
      parent.insert(0, [yParagraph(['deep'])])
    })
    const verdict = checkUpdate(emptyDoc(), Y.decodeUpdate(Y.encodeStateAsUpdate(client)).structs)
    // Bounded (followed all the way, this overflows the stack): nesting beyond 1,000 levels is taken for a forgery.
    expect(verdict).toEqual(refused)
  })
})
