import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { bulletList, cite, heading, item, paragraph, sources, statementDoc, text } from './fixtures.js'
import { pandoc, runPandocTests } from './pandoc.js'

const { news, secondNews, billAmended, billIntroduced, webPage, report, statement } = sources
const cited = [news, secondNews, billAmended, billIntroduced, webPage, report]

const doc = () =>
  statementDoc(
    [
      heading(1, text('On trail access')),
      paragraph(text('The county weighed funding'), cite(news.id, 'para. 4'), text(' and then delayed the vote'), cite(secondNews.id), text('.')),
      paragraph(text('The bill as introduced'), cite(billIntroduced.id), text(' differs from the amended text'), cite(billAmended.id, '§ 2'), cite(news.id), text('.')),
      bulletList(item(paragraph(text('Coalition position'), cite(webPage.id))), item(paragraph(text('Research'), cite(report.id, 'p. 12')))),
    ],
    [...cited, statement],
  )

const plain = (markdown: string) => pandoc(markdown, ['--citeproc', '--to', 'plain', '--wrap=none'])
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ')

test.runIf(runPandocTests)('pandoc --citeproc resolves every citation and prints every source title', () => {
  const { stdout, stderr } = plain(exportMarkdown(doc(), { style: 'pandoc', frontMatter: { title: 'On trails', date: '2019-06-01' } }))

  expect(stderr).not.toMatch(/citation .* not found/i)
  expect(stderr).toBe('')
  for (const source of cited) expect(normalize(stdout)).toContain(normalize(source.title!))
  // Both versions of the bill are named by their version (capitalised where it starts a sentence).
  expect(normalize(stdout)).toContain('as introduced, december 5, 2018')
  expect(normalize(stdout)).toContain('as amended in senate, march 29, 2019')
  expect(stdout).toContain('Further Reading')
  expect(normalize(stdout)).not.toContain(normalize(statement.title!))
})

test.runIf(runPandocTests)("pandoc prints uncited sources with 'all' and no bibliography with 'none'", () => {
  const all = plain(exportMarkdown(doc(), { style: 'pandoc', furtherReading: 'all' }))
  expect(all.stderr).toBe('')
  expect(normalize(all.stdout)).toContain(normalize(statement.title!))

  const none = plain(exportMarkdown(doc(), { style: 'pandoc', furtherReading: 'none' }))
  expect(none.stderr).toBe('')
  expect(none.stdout).not.toContain('Further Reading')
  expect(normalize(none.stdout)).not.toContain(normalize(report.title!))
})
