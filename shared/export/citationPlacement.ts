/**
 * Pandoc style: where a citation goes relative to the punctuation typed before it.
 *
 * Pandoc's manual writes citations before a sentence's punctuation, after a space: `crimes [@id].`. Author-date
 * styles then print `crimes (Woodhouse 2017).`, and note styles move the note mark back after the period
 * (`crimes.¹`); written as `crimes.[@id]`, author-date styles would print `crimes.(Woodhouse 2017)`.
 *
 * Across a closing curly quote only `.` and `,` move: pandoc's note styles put those back inside the quote
 * (`“crimes.”¹`), but leave `?`, `!`, `;` and `:` outside it, which would change what the author wrote. Straight
 * quotes stay put (they are escaped, so pandoc does not know they close a quotation).
 */

// The markdown already written ends with sentence punctuation (`.` may be escaped: `\..` is how `..` is
// written), then closing curly quotes; `]` before it is another citation, which a space would turn into a link;
// a `;` that ends an entity (`&#42;`) is not punctuation.
const TAIL = /(?<=[^\s\]\\])(?<!&#\d+)((?:\\?[.,;:!?…])+)([”’»]*)$/u
const MOVES_ACROSS_QUOTES = /^(?:\\?[.,])+$/

// A space goes between a word (or closing punctuation) and the citation; not after an opening bracket or quote.
const NO_SPACE_AFTER = /(?:^|[\s([{“‘«])$/u

/**
 * The written markdown `before` the citation and the `citation` itself, rearranged: the citation moved in front
 * of the punctuation that ends `before`, with a space before it.
 */
export function placeCitation(before: string, citation: string): string {
  const tail = TAIL.exec(before)
  let head = before
  let punctuation = ''
  if (tail && (tail[2] === '' || MOVES_ACROSS_QUOTES.test(tail[1]!))) {
    head = before.slice(0, tail.index) + tail[2]!
    // `[@id]:` could read as a link definition, `[@id](` as a link: both stay text when escaped.
    punctuation = tail[1]!.replace(/(?<!\\):/g, '\\:')
  }
  const space = NO_SPACE_AFTER.test(head) ? '' : ' '
  return `${head}${space}${citation}${punctuation}`
}
