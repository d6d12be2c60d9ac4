import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { noteLines } from './markdownTree.js'
import { blockquote, bulletList, cite, item, paragraph, sources, statementDoc, text } from './fixtures.js'
import { CHICAGO_AUTHOR_DATE, CHICAGO_NOTES, citeproc, runPandocTests } from './pandoc.js'

const { news, report } = sources

/** The statement's body in the pandoc style (front matter left out). */
const body = (doc: ReturnType<typeof statementDoc>) => exportMarkdown(doc, { style: 'pandoc' }).replace(/^---\n[\s\S]*?\n---\n\n/, '')

const sentence = (...tail: Parameters<typeof paragraph>) => statementDoc([paragraph(text('Fraud is among the crimes'), ...tail)], [news, report])

test('pandoc style: a citation typed after closing punctuation is written before it, after a space', () => {
  const cases: [ReturnType<typeof statementDoc>, string][] = [
    [sentence(text('.'), cite(news.id)), `Fraud is among the crimes [@${news.id}].`],
    [sentence(text(','), cite(news.id), text(' and more')), `Fraud is among the crimes [@${news.id}], and more`],
    [sentence(text('?!'), cite(news.id)), `Fraud is among the crimes [@${news.id}]?!`],
    // `]:` could start a link definition.
    [sentence(text(':'), cite(news.id), text(' theft')), `Fraud is among the crimes [@${news.id}]\\: theft`],
    // A run of citations moves as one.
    [sentence(text('.'), cite(news.id, 'para. 2'), cite(report.id)), `Fraud is among the crimes [@${news.id}, para. 2; @${report.id}].`],
    // `.` and `,` move across a closing curly quote (note styles put them back inside it)…
    [sentence(text(' “gravest.”'), cite(news.id)), `Fraud is among the crimes “gravest” [@${news.id}].`],
    // …`?` does not (pandoc would print it outside the quote), and straight quotes stay put.
    [sentence(text(' “gravest?”'), cite(news.id)), `Fraud is among the crimes “gravest?” [@${news.id}]`],
    [sentence(text(' "gravest."'), cite(news.id)), `Fraud is among the crimes \\"gravest.\\" [@${news.id}]`],
    [sentence(cite(news.id), text(' here.')), `Fraud is among the crimes [@${news.id}] here.`],
    [sentence(text('...'), cite(news.id)), `Fraud is among the crimes [@${news.id}]\\.\\..`],
  ]
  for (const [doc, expected] of cases) expect(body(doc)).toBe(`${expected}\n`)
})

test('pandoc style: placement inside lists and quotes keeps the block prefix', () => {
  const doc = statementDoc([bulletList(item(paragraph(text('One.'), cite(news.id)))), blockquote(paragraph(cite(news.id), text('Two.')))], [news])
  expect(body(doc)).toBe(`- One [@${news.id}].\n\n> [@${news.id}]Two.\n`)
})

test('the notes style keeps its note marks where the citations were typed', () => {
  const markdown = exportMarkdown(sentence(text('.'), cite(news.id)))
  expect(markdown.split('\n')[0]).toBe('Fraud is among the crimes.[^1]')
  expect(noteLines(markdown)).toHaveLength(1)
})

test.runIf(runPandocTests)('pandoc prints author-date citations before the period and note marks after it', () => {
  const markdown = exportMarkdown(sentence(text(' “gravest.”'), cite(news.id), text(' Theft, too.'), cite(report.id)), { style: 'pandoc' })
  const first = (csl: string) => citeproc(markdown, csl).stdout.split('\n')[0]
  expect(first(CHICAGO_AUTHOR_DATE)).toBe('Fraud is among the crimes “gravest” (Rivera 2019). Theft, too (Okafor 2018).')
  expect(first(CHICAGO_NOTES)).toBe('Fraud is among the crimes “gravest.”[1] Theft, too.[2]')
})
