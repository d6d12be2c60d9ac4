import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { importCslFile } from '../../client/sources/cslFiles.js'
import { formatOf } from '../../client/sources/referenceFiles.js'
import { readSources } from '../../shared/sources/index.js'

const bibtex = `% exported from a reference manager
@string{ledger = {The Daily Ledger}}
@article{rivera2019,
  author = {Rivera, Marisol and Okafor, Dana},
  title = {County weighs new trail funding},
  journal = ledger,
  year = {2019}, month = apr,
  url = {https://ledger.example.com/2019/04/02/trail-funding}
}
@techreport{okafor2018,
  author = {Okafor, Chidi},
  title = {Access to Green Space in Urban Counties},
  institution = {Institute for Civic Data},
  year = {2018}
}`

const ris = `TY  - NEWS
AU  - Rivera, Marisol
TI  - County weighs new trail funding
T2  - The Daily Ledger
PY  - 2019/04/02/
UR  - https://ledger.example.com/2019/04/02/trail-funding
ER  - 

TY  - ELEC
AU  - Parks For All Coalition
TI  - Our position on trail access
UR  - https://parksforall.example.org/position
ER  - 
`

test('a BibTeX file is imported through citation-js, citation keys kept as ids', async () => {
  const doc = new Y.Doc()
  expect(await importCslFile(new File([bibtex], 'library.bib'), doc)).toEqual({ imported: 2, unchanged: 0 })
  const [report, article] = readSources(doc)
  expect(article).toMatchObject({
    id: 'rivera2019',
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol' }, { family: 'Okafor', given: 'Dana' }],
    'container-title': 'The Daily Ledger',
    issued: { 'date-parts': [[2019, 4]] },
    URL: 'https://ledger.example.com/2019/04/02/trail-funding',
  })
  expect(report).toMatchObject({ id: 'okafor2018', type: 'report', title: 'Access to Green Space in Urban Counties' })
  // Importing it again adds nothing.
  expect(await importCslFile(new File([bibtex], 'library.bib'), doc)).toEqual({ imported: 0, unchanged: 2 })
})

test('a RIS file is imported, its dates read and a news item keeping its authors', async () => {
  const doc = new Y.Doc()
  expect(await importCslFile(new File([ris], 'export.ris'), doc)).toEqual({ imported: 2, unchanged: 0 })
  const news = readSources(doc).find((item) => item.type === 'article-newspaper')
  expect(news).toMatchObject({
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol' }],
    'container-title': 'The Daily Ledger',
    issued: { 'date-parts': [[2019, 4, 2]] },
  })
  expect(readSources(doc).map((item) => item.title).sort()).toEqual(['County weighs new trail funding', 'Our position on trail access'])
})

test('all or nothing: an invalid entry, or one citation-js could not read, imports nothing', async () => {
  const doc = new Y.Doc()
  const withBadUrl = `${bibtex}\n@misc{bad, title = {Bad link}, url = {javascript:alert(1)}}`
  const refused = await importCslFile(new File([withBadUrl], 'library.bib'), doc)
  expect(refused).toEqual({ problems: [expect.stringMatching(/Item 3 is not valid, so nothing was imported/), expect.stringMatching(/^Item 3 \(bad\): URL must start with http/)] })
  const untitled = await importCslFile(new File([`TY  - ELEC\nUR  - https://example.org/\nER  - \n`], 'one.ris'), doc)
  expect(untitled).toMatchObject({ problems: [expect.stringMatching(/not valid/), expect.stringMatching(/Title is required/)] })
  expect(await importCslFile(new File(['% nothing here\n'], 'empty.bib'), doc)).toEqual({ problems: ['empty.bib: No BibTeX entries were found in this file.'] })
  expect(await importCslFile(new File(['{ "not": "json" '], 'broken.json'), doc)).toMatchObject({ problems: [expect.stringMatching(/not a CSL JSON, BibTeX or RIS file/)] })
  expect(readSources(doc)).toEqual([])
})

test('the format is told by the extension, else by how the file starts', () => {
  expect(formatOf('a.bib', '[]')).toBe('bibtex')
  expect(formatOf('a.RIS', '')).toBe('ris')
  expect(formatOf('a.json', '@x')).toBe('csl-json')
  expect(formatOf('export.txt', '\uFEFF  @article{x,')).toBe('bibtex')
  expect(formatOf('export.txt', 'TY  - JOUR')).toBe('ris')
  expect(formatOf('export', '[{}]')).toBe('csl-json')
})
