import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { describe, expect, it, onTestFinished } from 'vitest'
import * as Y from 'yjs'
import { writeSource } from '../../shared/sources/index.js'
import { fixtureArticle } from '../helpers/statementFixture.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { CHROMIUM_PATH, EDITOR, chromiumAvailable, openAs, openBrowser, signInBrowser, statementText, watchErrors } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')

/** A server whose collaboration access point refuses everyone (retryably) while `held` is set. */
async function statementServer() {
  const gate = { held: false }
  const server = await startTestServer({
    clientDir,
    wrapAccessPolicy: (policy) => ({
      ...policy,
      decide: (request) => (gate.held ? Promise.resolve({ allow: false, close: 'storageUnavailable' }) : policy.decide(request)),
    }),
  })
  const docId = await createDoc(server.url, 'Transit statement')
  const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(writer.provider)
  writeSource(writer.doc, fixtureArticle)
  const paragraph = new Y.XmlElement('paragraph')
  const citation = new Y.XmlElement('citation')
  citation.setAttribute('sourceId', fixtureArticle.id)
  paragraph.insert(0, [new Y.XmlText('The fund was cut in April. '), citation])
  writer.doc.getXmlFragment('default').insert(0, [paragraph])
  await expect.poll(() => writer.saved!.isAllSaved()).toBe(true)
  writer.destroy()
  return { server, docId, gate, url: `${server.url}/d/${docId}` }
}

describe.runIf(chromiumAvailable())('the statement before the editor is ready', () => {
  it('is readable without JavaScript', async () => {
    const { url } = await statementServer()
    const profile = mkdtempSync(join(tmpdir(), 'caucus-chromium-'))
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, javaScriptEnabled: false, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
    onTestFinished(async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    })
    await signInBrowser(context, url)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(url)
    expect(await page.title()).toBe('Transit statement · Caucus')
    const statement = page.getByRole('document', { name: 'Statement text (the editor is opening)' })
    expect(await statement.innerText()).toBe('The fund was cut in April. Ruiz, Harbor Times, 2018')
    expect(await page.getByLabel('Document title').inputValue()).toBe('Transit statement')
  })

  it('is shown while the server does not answer, then the editor takes over with the same text and works', async () => {
    const { url, gate } = await statementServer()
    gate.held = true
    const context = await openBrowser()
    await signInBrowser(context, url)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(url)
    // The editor (empty: nothing synced yet, no copy on this device) stays hidden; the statement stays readable.
    const preview = page.locator('#statement-preview')
    await page.waitForTimeout(5_000)
    expect(await preview.innerText()).toBe('The fund was cut in April. Ruiz, Harbor Times, 2018')
    expect(await page.locator(EDITOR).isVisible()).toBe(false)
    expect(await page.locator('.save-status').getAttribute('data-state')).toBe('offline')

    gate.held = false
    await page.locator(EDITOR).waitFor({ timeout: 20_000 })
    await preview.waitFor({ state: 'detached' })
    expect(await page.locator('.statement').count()).toBe(1)
    expect(await statementText(page)).toBe('The fund was cut in April. Ruiz, Harbor Times, 2018')
    await page.locator(`${EDITOR} p`).first().click({ position: { x: 4, y: 6 } })
    await page.keyboard.press('End')
    await page.keyboard.type(' Restore it.')
    await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved')
    expect(await statementText(page)).toBe('The fund was cut in April. Ruiz, Harbor Times, 2018 Restore it.')
    expect(errors).toEqual([])
  })
})
