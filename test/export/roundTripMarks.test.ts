import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { blocksOfDoc, blocksOfMarkdown, rawHtmlTokens } from './markdownTree.js'
import { readBack, yDoc, yElement, yParagraph, yText, type YRun } from './yWrite.js'

const bold = { bold: {} }
const italic = { italic: {} }
const strike = { strike: {} }
const code = { code: {} }
const href = (url: string) => ({ link: { href: url } })

/** Mark boundaries where CommonMark's flanking rules bite: punctuation next to letters, adjacent marks, spaces. */
const CASES: YRun[][] = [
  [['foo.', bold], ['bar']],
  [['foo'], ['.bar', bold]],
  [['foo'], ['(bar)', italic], ['baz']],
  [['a', bold], ['.b', { ...bold, ...italic }], ['c']],
  [['x', italic], ['y', bold], ['z', strike]],
  [['x.', italic], ['y', bold]],
  [['x', bold], ['.y', italic]],
  [['end.', strike], ['word']],
  [['a ', bold], ['b', { ...bold, ...italic }], [' c', italic]],
  [['  spaced  ', bold], ['next']],
  [['"quoted"', italic], ['s']],
  [['🙂', bold], ['x'], ['é', italic], ['!']],
  [['linked', { ...href('https://x.example/'), ...bold }], ['plain']],
  [['in ', bold], ['link', { ...bold, ...href('https://x.example/') }], [' out', bold]],
  [['x', bold], ['code', code], ['y', italic]],
  [['`', code], [' '], ['``', code], [' '], [' a ', code], [' '], ['a`b', code], [' '], ['` x `', code]],
  [['*', bold], ['*', italic], ['_', strike], ['~', bold]],
]

test('marks survive where delimiters meet punctuation, other marks and spaces', () => {
  const doc = yDoc(
    ...CASES.map((runs) => yParagraph(...runs)),
    yElement('paragraph', {}, yText(['bold across', bold]), yElement('hardBreak', {}), yText(['a break', bold])),
  )
  const markdown = exportMarkdown(doc)

  expect(rawHtmlTokens(markdown)).toEqual([])
  const expected = blocksOfDoc(readBack(doc))
  const actual = blocksOfMarkdown(markdown)
  expect(actual.length).toBe(expected.length)
  expected.forEach((block, index) => expect(actual[index], `${JSON.stringify(block)}\n${markdown.split('\n\n')[index]}`).toEqual(block))
})
