import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { paragraph, statementDoc, text } from './fixtures.js'
import { pandoc, runPandocTests } from './pandoc.js'

// Pandoc's smart typography would join each abbreviation to the next word with a non-breaking space.
const SENTENCE = 'Sen. Wiener met Mr. Smith and Dr. Jones on Mar. 3, e.g. at No. 10 (cf. p. 4), not Mr.Smith. Ask Mr.'

test('pandoc style: abbreviations get an escaped period, and nothing else does', () => {
  const markdown = exportMarkdown(statementDoc([paragraph(text(SENTENCE))]), { style: 'pandoc' })
  expect(markdown).toBe('Sen\\. Wiener met Mr\\. Smith and Dr\\. Jones on Mar\\. 3, e.g\\. at No\\. 10 (cf\\. p\\. 4), not Mr.Smith. Ask Mr\\.\n')
  expect(exportMarkdown(statementDoc([paragraph(text(SENTENCE))]))).toBe(`${SENTENCE}\n`)
})

test.runIf(runPandocTests)('pandoc reads abbreviations followed by ordinary spaces', () => {
  const markdown = exportMarkdown(statementDoc([paragraph(text(SENTENCE))]), { style: 'pandoc' })
  expect(pandoc(markdown, ['--to', 'plain', '--wrap=none']).stdout).toBe(`${SENTENCE.trim()}\n`)
})
