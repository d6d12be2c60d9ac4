import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSource, writeSource, type CslItem } from '../../shared/sources/index.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'
import { addMember, emailFor } from '../helpers/testAuth.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

const report: CslItem = {
  id: 'src_report00001',
  type: 'report',
  title: 'Detention by the numbers',
  author: [{ literal: 'Civic Data Project' }],
  publisher: 'Civic Data Project',
  issued: { 'date-parts': [[2018, 1, 15]] },
  URL: 'https://data.example.org/detention',
  custom: { caucusKind: 'report' },
}

describe.runIf(chromiumAvailable())('citing from the keyboard and pasting citations', () => {
  it('inserts a citation with the [@ picker, and a citation pasted into another document brings its source', async () => {
    const server = await startTestServer({ clientDir })
    const [sourceDoc, targetDoc] = [await createDoc(server.url, 'From'), await createDoc(server.url, 'To')]
    const seeder = connectClient(server.wsUrl, sourceDoc)
    await waitForSync(seeder.provider)
    writeSource(seeder.doc, report)

    const browser = await openBrowser()
    const page = await openAs(browser, `${server.url}/d/${sourceDoc}`, 'Lou')
    await page.locator('.source-item').first().waitFor()
    await page.locator(EDITOR).click()
    await page.keyboard.type('See [@deten')
    await page.getByRole('option', { name: /Detention by the numbers/ }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type(' now.')
    await expect.poll(() => page.locator('.statement .citation').allInnerTexts()).toEqual(['Civic Data Project, 2018'])
    expect(await page.locator(EDITOR).innerText()).not.toContain('[@')

    // Copy the whole paragraph, citation included, and paste it into a document without that source.
    await page.locator(EDITOR).click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Control+c')
    await addMember(server.url, targetDoc, { email: emailFor('Lou') }, 'editor')
    const other = await browser.newPage()
    await other.goto(`${server.url}/d/${targetDoc}`)
    await other.locator(EDITOR).click()
    await other.keyboard.press('Control+v')
    await expect.poll(() => other.locator('.statement .citation').allInnerTexts(), { timeout: 10_000 }).toEqual(['Civic Data Project, 2018'])

    // The target document now holds the source itself, and the stored node holds only its id.
    const reader = connectClient(server.wsUrl, targetDoc)
    await waitForSync(reader.provider)
    await expect.poll(() => readSource(reader.doc, report.id)?.title, { timeout: 10_000 }).toBe(report.title)
    const citation = reader.doc
      .getXmlFragment('default')
      .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'citation')
      .next().value as Y.XmlElement | undefined
    expect(citation?.getAttributes()).toEqual({ sourceId: report.id })
  })
})
