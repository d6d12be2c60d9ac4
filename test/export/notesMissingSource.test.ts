import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { exportMarkdown } from '../../shared/export/index.js'
import { deleteSource, sourcesMap } from '../../shared/sources/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { footnotesOf, noteLines } from './markdownTree.js'

test('a citation whose source is missing gets a clear marker note, and numbering carries on', () => {
  const doc = statementDoc(
    [
      paragraph(
        text('Cited'),
        cite(sources.news.id),
        text(' then deleted'),
        cite('src_deletedsrc01', 'p. 3'),
        text(' then unreadable'),
        cite('src_unreadable01'),
        text(' then cited again'),
        cite(sources.news.id),
      ),
    ],
    [sources.news, { ...sources.webPage, id: 'src_deletedsrc01' }],
  )
  deleteSource(doc, 'src_deletedsrc01')
  // Any client can write anything: an entry that is not a source map reads as missing.
  Y.transact(doc, () => sourcesMap(doc).set('src_unreadable01', 'not a source'))

  const markdown = exportMarkdown(doc)

  expect(noteLines(markdown).map((line) => line.note)).toEqual([
    'Marisol Rivera, “County weighs new trail funding,” *The Daily Ledger*, April 2, 2019, <https://ledger.example.com/2019/04/02/trail-funding>.',
    '\\[Missing source: src_deletedsrc01\\]',
    '\\[Missing source: src_unreadable01\\]',
    'Rivera, “County weighs new trail funding.”',
  ])
  expect(footnotesOf(markdown).definitionText.get('2')).toBe('[Missing source: src_deletedsrc01]')
  // Further Reading lists only sources that exist.
  expect(markdown.match(/^Marisol Rivera/gm)).toHaveLength(1)
  expect(markdown).not.toMatch(/^\\\[Missing/m)
})
