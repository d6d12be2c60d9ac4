import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { tempDir } from '../helpers/tempDir.js'
import { chromiumAvailable, openAs, openBrowser, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

describe.runIf(chromiumAvailable())('importing BibTeX and RIS files', () => {
  it('imports a .bib and a .ris file in the browser (citation-js loaded on demand) and refuses a broken one whole', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(), `${server.url}/d/${docId}`, 'Max')
    const errors = watchErrors(page)
    const dir = tempDir()
    const bib = join(dir, 'library.bib')
    const ris = join(dir, 'export.ris')
    const bad = join(dir, 'bad.bib')
    writeFileSync(bib, '@article{rivera2019, author = {Rivera, Marisol}, title = {County weighs new trail funding}, journal = {The Daily Ledger}, year = {2019}}')
    writeFileSync(ris, 'TY  - ELEC\nAU  - Parks For All Coalition\nTI  - Our position on trail access\nUR  - https://parksforall.example.org/position\nER  - \n')
    writeFileSync(bad, '@misc{ok, title = {Fine}}\n@misc{bad, title = {Bad}, url = {javascript:alert(1)}}')

    await page.locator('#csl-import').setInputFiles(bad)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/Item 2 \(bad\):.*URL/)
    expect(await page.locator('.source-item').count()).toBe(0)

    await page.locator('#csl-import').setInputFiles(bib)
    await page.getByText('Imported 1 source from library.bib.').waitFor()
    await page.locator('#csl-import').setInputFiles(ris)
    await page.getByText('Imported 1 source from export.ris.').waitFor()
    await expect.poll(() => page.locator('.source-title').allInnerTexts().then((titles) => titles.sort())).toEqual(['County weighs new trail funding', 'Our position on trail access'])
    expect(errors).toEqual([])
  })
})
