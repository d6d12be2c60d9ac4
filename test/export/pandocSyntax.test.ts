import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { exportMarkdown } from '../../shared/export/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'

/** The front matter, read by a YAML parser as other tools read it. */
function frontMatter(markdown: string): Record<string, unknown> {
  const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(markdown)!
  return parse(yaml!) as Record<string, unknown>
}

test('pandoc style: [@id] and [@id, locator] citations, CSL-JSON references in the front matter', () => {
  const { news, billAmended, webPage } = sources
  const odd = { ...sources.report, id: 'report--2018 v2' }
  const braced = { ...sources.statement, id: 'src_ends-with-' }
  const doc = statementDoc(
    [
      paragraph(
        text('As reported'),
        cite(news.id),
        text(' and enacted'),
        cite(billAmended.id, '§ 3; see also [x] @y'),
        text(' and'),
        cite(odd.id, 'p. 7'),
        cite(braced.id),
        cite('src_missing00001'),
        text(' again'),
        cite(news.id, 'para. 2'),
      ),
    ],
    [news, billAmended, webPage, odd, braced],
  )
  const markdown = exportMarkdown(doc, { style: 'pandoc', frontMatter: { title: 'Parks *for* all', date: '2019-06-01' } })

  expect(markdown).toContain(
    // A space before each citation, as pandoc's manual writes them.
    `As reported [@${news.id}] and enacted [@${billAmended.id}, § 3\\; see also \\[x\\] \\@y]` +
      // An id pandoc cannot read gets a stand-in key; one it reads only in braces is braced. Adjacent citations
      // share brackets; a missing source is a plain marker.
      ' and [@caucus-ref-1, p\\. 7; @{src_ends-with-}]\\[Missing source: src_missing00001\\]' +
      ` again [@${news.id}, para. 2]`,
  )
  expect(markdown).not.toContain('[^')
  const meta = frontMatter(markdown)
  // Pandoc reads metadata strings as markdown, so what it would read as markup is escaped; nothing else is.
  expect(meta.title).toBe('Parks \\*for\\* all')
  expect(meta.date).toBe('2019-06-01')
  expect(meta['reference-section-title']).toBe('Further Reading')
  const references = meta.references as Record<string, unknown>[]
  // Ids are metadata strings too (pandoc would turn "--" into a dash).
  expect(references.map((reference) => reference.id)).toEqual(['src_news00000001', 'src_billamended1', 'caucus-ref-1', 'src_ends-with-'])
  const bill = references[1]!
  expect(bill.type).toBe('bill')
  expect(bill.number).toBe('SB 101')
  expect(bill.authority).toBe('California State Senate')
  expect(bill.genre).toBe('as amended in Senate, March 29, 2019')
  expect(bill['collection-title']).toBe('2019–2020 Reg. Sess.')
  expect(bill).not.toHaveProperty('custom')
  expect(references[0]!.issued).toEqual({ 'date-parts': [[2019, 4, 2]] })
  // Uncited sources are left out unless asked for.
  expect(references).toHaveLength(4)
})

test("pandoc style, 'all': uncited sources are listed and nocited; 'none' suppresses the bibliography", () => {
  const { news, webPage } = sources
  const doc = statementDoc([paragraph(text('x'), cite(news.id))], [news, webPage])
  const all = frontMatter(exportMarkdown(doc, { style: 'pandoc', furtherReading: 'all' }))
  expect((all.references as unknown[]).length).toBe(2)
  expect(all.nocite).toBe(`@${webPage.id}`)
  const none = frontMatter(exportMarkdown(doc, { style: 'pandoc', furtherReading: 'none' }))
  expect(none['suppress-bibliography']).toBe(true)
  expect(none).not.toHaveProperty('reference-section-title')
  expect((none.references as unknown[]).length).toBe(1)
})

test("pandoc style: an imported bill keeps its own genre and collection title", () => {
  const { custom: _custom, ...imported } = sources.billAmended
  const bill = { ...imported, genre: 'Senate Bill', 'collection-title': 'Statutes' }
  const doc = statementDoc([paragraph(text('x'), cite(bill.id))], [bill])
  const [reference] = frontMatter(exportMarkdown(doc, { style: 'pandoc' })).references as Record<string, unknown>[]
  expect(reference).toMatchObject({ genre: 'Senate Bill', 'collection-title': 'Statutes', number: 'SB 101' })
})
