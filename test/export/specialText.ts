import type * as Y from 'yjs'
import { yDoc, yElement, yParagraph, yText } from './yWrite.js'

/** Text that is markup somewhere (CommonMark, GFM, GitHub, pandoc): at a line start, at a line end, or anywhere. */
export const SPECIAL = [
  '*', '**', '_', '__', '*emph*', '_emph_', '#', '# ', '###### six', '#hashtag', '>', '> quote', '-', '- item', '+', '+ item',
  '1.', '1. item', '1)', '2) item', '123456789. big', '`', '```', '```js', '~', '~~', '~~~', '~~gone~~', '[', ']', '[x](https://x.example)',
  '[^1]', '[^1]: definition', '[ref]: https://x.example', '![image](https://x.example/i.png)', '<b>', '<b>bold</b>',
  '<script>alert(1)</script>', '<!-- comment -->', '<https://auto.example>', '<a@b.example>', '<?php ?>', '<!DOCTYPE html>',
  '|', '| a | b |', '|---|---|', '\\', '\\*', 'ends with \\', '&', '&amp;', '&#42;', '&#x2A;', '&copy;', '&nbsp;',
  '=', '===', '---', '***', '___', '- - -', '    four spaces', '\ttab', '  two spaces', '!', '!!', '$5', '$x$', '$$',
  ':', ': colon', '%', '% title', '@user', '[@cite]', '^', '^sup^', '{.class}', '[span]{.c}', '"', "'", '"quoted"', "it's",
  '...', '--', '---x', '—', 'a. letter', 'iv) roman', '(a) paren', '#. hash', 'a_b_c', 'snake_case_name', '__init__',
  'http://bare.example/path_(x)', 'www.example.com', 'trailing  ', ' leading', 'é_ü', '🙂*🙂',
]

/**
 * A statement written straight into a Y.Doc whose text is full of SPECIAL: alone, at the start, end and middle
 * of paragraphs, after hard breaks, in headings, list items and quotes, and inside every mark.
 */
export function specialTextDoc(): Y.Doc {
  const blocks: Y.XmlElement[] = []
  for (const special of SPECIAL) {
    blocks.push(yParagraph([special]))
    blocks.push(yParagraph([`${special} starts`]))
    blocks.push(yParagraph([`ends ${special}`]))
    blocks.push(yParagraph([`mid${special}dle and mid ${special} dle`]))
    blocks.push(yElement('paragraph', {}, yText(['before']), yElement('hardBreak', {}), yText([`${special} after a break`])))
    blocks.push(yElement('paragraph', {}, yText([`ends ${special}`]), yElement('hardBreak', {}), yText([special])))
    blocks.push(yElement('heading', { level: 2 }, yText([special])))
    blocks.push(yElement('heading', { level: 3 }, yText([`heading ${special}`])))
    blocks.push(yElement('bulletList', {}, yElement('listItem', {}, yParagraph([special]))))
    blocks.push(yElement('orderedList', { start: 1 }, yElement('listItem', {}, yParagraph([`${special} in a list`]))))
    blocks.push(yElement('blockquote', {}, yParagraph([special]), yParagraph([`${special} quoted`])))
    blocks.push(
      yParagraph(
        ['x'],
        [special, { bold: {} }],
        ['y'],
        [special, { italic: {} }],
        [' '],
        [special, { strike: {} }],
        [special],
        [special, { code: {} }],
        [special, { link: { href: 'https://safe.example/' } }],
      ),
    )
  }
  // Line breaks typed inside a text run become hard breaks.
  blocks.push(yParagraph(['one\n# two\r\n> three\r- four']))
  return yDoc(...blocks)
}
