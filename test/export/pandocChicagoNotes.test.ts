import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { versionPhrase } from '../../shared/sources/billLabels.js'
import { formatCslDate, sourceKindOf, type CslItem } from '../../shared/sources/index.js'
import { cite, paragraph, sources, statementDoc, text } from './fixtures.js'
import { CHICAGO_NOTES, citeproc, pandoc, runPandocTests } from './pandoc.js'

/**
 * Readers of the pandoc export, rendered with Chicago's full-note style, learn what readers of our notes style
 * learn: the same facts about each source, whatever the wording.
 */

/** The facts a first note about `item` must give. */
function facts(item: CslItem): string[] {
  const date = formatCslDate(item.issued, 'long')
  if (sourceKindOf(item) === 'billVersion') return [item.number!, versionPhrase(item.custom?.versionLabel)!, date!, item.URL!]
  const names = (item.author ?? []).map((name) => name.literal ?? `${name.given} ${name.family}`)
  return [...names, item.title!, item['container-title'], item.publisher, date, item.URL].filter((fact): fact is string => !!fact)
}

/** The first footnote of a plain-text rendering by pandoc ("[1] …"). */
function firstNote(plain: string): string {
  const note = plain.split('\n').find((line) => line.startsWith('[1] '))
  if (!note) throw new Error(`no note in:\n${plain}`)
  return note
}

// Chicago capitalises titles ("Council Delays Trail Vote"), and the version after a period.
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ')

const { news, billAmended, billIntroduced, webPage, report, statement } = sources

test.runIf(runPandocTests)('pandoc with chicago-fullnote-bibliography.csl gives each kind of source the facts our notes give', () => {
  for (const item of [news, billAmended, billIntroduced, webPage, report, statement]) {
    const doc = statementDoc([paragraph(text('A claim.'), cite(item.id))], [item])
    const ours = firstNote(pandoc(exportMarkdown(doc), ['--to', 'plain', '--wrap=none']).stdout)
    const rendered = citeproc(exportMarkdown(doc, { style: 'pandoc' }), CHICAGO_NOTES)
    expect(rendered.stderr).toBe('')
    const theirs = firstNote(rendered.stdout)
    for (const fact of facts(item)) {
      expect(normalize(ours), `notes style, ${item.id}`).toContain(normalize(fact))
      expect(normalize(theirs), `pandoc, ${item.id}: ${theirs}`).toContain(normalize(fact))
    }
  }
})

test.runIf(runPandocTests)("a bill's Chicago note names its number, version, session and date", () => {
  const doc = statementDoc([paragraph(text('As amended.'), cite(billAmended.id, '§ 2'))], [billAmended])
  expect(firstNote(citeproc(exportMarkdown(doc, { style: 'pandoc' }), CHICAGO_NOTES).stdout)).toBe(
    '[1] “Public Parks and Trails Access Act,” as amended in Senate, March 29, 2019, Pub. L. No. SB 101, ' +
      '2019–2020 Reg. Sess. (2019), sec. 2, https://legislature.example.gov/bills/sb101/amended-senate-2019-03-29.',
  )
})
