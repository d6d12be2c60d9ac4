import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { StatementRenderer } from '../../server/preview/statementHtml.js'
import { writeSource } from '../../shared/sources/index.js'
import { fixtureArticle, writeFixtureStatement } from '../helpers/statementFixture.js'

test('the server-rendered page sets a citation label typographically, as the editor does', () => {
  const doc = new Y.Doc()
  writeFixtureStatement(doc)
  // The source keeps the straight apostrophes that were typed.
  writeSource(doc, { ...fixtureArticle, author: [{ family: "O'Brien", given: 'Siobhan' }], 'container-title': "The People's Ledger" })
  const { html } = new StatementRenderer(doc).render()
  expect(html).toContain('O’Brien, The People’s Ledger, 2018, para. 2')
  expect(html).not.toContain("O'Brien")
})
