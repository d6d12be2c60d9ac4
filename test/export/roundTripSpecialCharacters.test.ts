import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { blocksOfDoc, blocksOfMarkdown, rawHtmlTokens } from './markdownTree.js'
import { specialTextDoc } from './specialText.js'
import { readBack } from './yWrite.js'

test('text full of markdown syntax stays text: at line starts, ends and middles, in every kind of block', () => {
  const doc = specialTextDoc()

  const markdown = exportMarkdown(doc)

  expect(rawHtmlTokens(markdown)).toEqual([])
  const expected = blocksOfDoc(readBack(doc))
  const actual = blocksOfMarkdown(markdown)
  // One block at a time, so a failure names the text that broke.
  expect(actual.length).toBe(expected.length)
  expected.forEach((block, index) => expect(actual[index], JSON.stringify(block)).toEqual(block))
})
