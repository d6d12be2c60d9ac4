import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { billVariables } from '../../shared/export/billReference.js'
import { exportMarkdown } from '../../shared/export/index.js'
import { toCsl, type CslItem } from '../../shared/sources/index.js'
import { curlyQuotes } from '../../shared/typography.js'
import { billVersionInput, reportInput } from '../shared/fixtures.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { pandoc, runPandocTests } from './pandoc.js'

/**
 * The `references:` block is readable YAML, and pandoc reads every field of it as exactly what we stored, however
 * much of it looks like markdown, YAML or HTML.
 */

const hostileUrl = "https://example.org/a_b/*star*/~user/c%20d?q=\"x\"&r='y'&amp;s=1#frag_ment-é"
const hostile: CslItem = {
  ...toCsl({
    ...reportInput({
      authors: [{ family: "O'Brien -- *Jr.*", given: 'Zoë [x] @y' }],
      title: '# Mr. Smith\'s "report" -- on $5 & <b>costs</b>... ^up^ ~down~ \\ _x_ 1. yes: no #2 😀',
      publisher: '- yes',
      url: hostileUrl,
    }),
    id: 'src_hostile00001',
  }),
  // Our forms have no note, but imported items may carry one, with paragraphs.
  note: 'First line\n\n  second # line\n- third',
}
const odd = ['2019', 'yes', 'null', ': x', '% title', 'a: b', '[x]', '{y}', "it's", '@key', '&amp;', 'x  #y', ' lead', '1. item', 'ii) two']
const oddItems: CslItem[] = odd.map((title, index) => ({ ...sources.webPage, id: `src_odd${String(index).padStart(9, '0')}`, title }))
// "Mar." and "Sen." are among pandoc's abbreviations, which its smart typography would join to the next word.
const bill = toCsl({ ...billVersionInput({ versionLabel: 'Passed Sen. Mar. 3 (No. 4)', title: 'Mr. Smith Goes to Sacramento, e.g. here' }), id: 'src_billodd00001' })
const items = [hostile, sources.news, sources.billAmended, bill, ...oddItems]

/** Text set as our notes set it (straight quotes made curly), except identifiers and addresses. */
function typographic(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key === 'id' || key === 'type' || key === 'URL' ? value : curlyQuotes(value)
  if (Array.isArray(value)) return value.map((inner) => typographic(inner))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, typographic(inner, k)]))
  return value
}

/**
 * What pandoc should read back for `item`: the CSL item without `custom`, plus a bill's printed variables, with
 * its text typographic (sources keep what was typed; exports print it set).
 */
function expected(item: CslItem): Record<string, unknown> {
  const { custom: _custom, ...csl } = item
  return typographic(item.type === 'bill' ? { ...csl, ...billVariables(item) } : csl) as Record<string, unknown>
}

const doc = () => statementDoc([paragraph(text('Claims'), ...items.map((item) => cite(item.id)))], items)

test('the references block is block YAML a YAML parser reads, URLs written as they are', () => {
  const markdown = exportMarkdown(doc(), { style: 'pandoc' })
  const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(markdown)!
  expect(yaml).toContain(`  URL: ${sources.news.URL}\n`)
  expect(yaml).toContain(`  title: ${sources.news.title}\n`)
  expect(yaml).toContain('  - family: Rivera\n    given: Marisol\n')
  expect(yaml).toContain('    - [2019, 4, 2]\n')
  const references = (parse(yaml!) as { references: Record<string, unknown>[] }).references
  expect(references.map((reference) => reference.id)).toEqual(items.map((item) => item.id))
  // Only what pandoc would read as markup is escaped: `*`, `~`, quotes and the entity-like `&amp;`.
  expect(references[0]!.URL).toBe(hostileUrl.replace(/[*~"']/g, '\\$&').replace('&amp;', '\\&amp;'))
})

test.runIf(runPandocTests)('pandoc reads every field of every reference exactly as stored', () => {
  const markdown = exportMarkdown(doc(), { style: 'pandoc' })
  const read = JSON.parse(pandoc(markdown, ['--to', 'csljson']).stdout) as Record<string, unknown>[]
  const byId = new Map(read.map((reference) => [reference.id, reference]))
  for (const item of items) {
    expect(byId.get(item.id), item.id).toEqual(expected(item))
  }
})

test.runIf(runPandocTests)("pandoc's Chicago note sets a title's straight quotes as ours does: inner double quotes become single", () => {
  const article: CslItem = { ...sources.news, title: 'Funds Move to Distinguish between "Good" and "Bad" Immigrants' }
  const markdown = exportMarkdown(statementDoc([paragraph(text('Claims'), cite(article.id))], [article]), { style: 'pandoc' })
  const notes = pandoc(markdown, ['--citeproc', '--csl', '/usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl', '--to', 'plain', '--wrap', 'none']).stdout
  expect(notes).toContain('Distinguish Between ‘Good’ and ‘Bad’ Immigrants,”')
  expect(notes).not.toContain('"')
})
