import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { footnotesOf, noteLines } from './markdownTree.js'

test('the first citation of a source gets the full note, later ones the short note, each its own number', () => {
  const doc = statementDoc(
    [
      paragraph(text('Funding was weighed'), cite(sources.news.id), text('.')),
      paragraph(text('It was weighed again'), cite(sources.news.id), text(' and again'), cite(sources.news.id), text('.')),
    ],
    [sources.news],
  )
  const markdown = exportMarkdown(doc)

  expect(markdown).toContain('Funding was weighed[^1].\n\nIt was weighed again[^2] and again[^3].')
  const full = 'Marisol Rivera, “County weighs new trail funding,” *The Daily Ledger*, April 2, 2019, <https://ledger.example.com/2019/04/02/trail-funding>.'
  expect(noteLines(markdown)).toEqual([
    { label: '1', note: full },
    { label: '2', note: 'Rivera, “County weighs new trail funding.”' },
    { label: '3', note: 'Rivera, “County weighs new trail funding.”' },
  ])
  const footnotes = footnotesOf(markdown)
  expect(footnotes.references).toEqual(['1', '2', '3'])
  expect(footnotes.definitions).toEqual(['1', '2', '3'])
  expect(footnotes.definitionText.get('1')).toBe(full.replace(/[*<>]/g, ''))
})
