import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { EDITOR, chromiumAvailable, openAs, openBrowser } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const PHONE = { width: 390, height: 844 }

/** A statement several screens long, written by another client. */
async function longStatement(server: Awaited<ReturnType<typeof startTestServer>>): Promise<string> {
  const docId = await createDoc(server.url, 'Long')
  const writer = connectClient(server.wsUrl, docId)
  await waitForSync(writer.provider)
  writer.doc.getXmlFragment(YLayout.richTextFragment).insert(
    0,
    Array.from({ length: 40 }, (_, index) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`Paragraph ${index + 1}: the council should keep the parks open to everyone, every day.`)])
      return paragraph
    }),
  )
  return docId
}

describe.runIf(chromiumAvailable())('the editor on a 390 px phone', () => {
  it('keeps the toolbar at the top of the screen while the person writes far down the statement', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await longStatement(server)
    const page = await openAs(await openBrowser(PHONE), `${server.url}/d/${docId}`, 'Lou')
    await page.locator(EDITOR).getByText('Paragraph 30:').click()
    await page.mouse.wheel(0, 300)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)

    const bold = page.getByRole('button', { name: 'Bold' })
    const box = await bold.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height / 3)
    // Reachable means usable: nothing covers it.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label'), {
      x: box!.x + box!.width / 2,
      y: box!.y + box!.height / 2,
    })
    expect(onTop).toBe('Bold')
  })

  it('shows the whole placeholder of the sources search', async () => {
    const server = await startTestServer({ clientDir })
    const docId = await createDoc(server.url)
    const page = await openAs(await openBrowser(PHONE), `${server.url}/d/${docId}`, 'Lou')
    const search = page.getByLabel('Search sources')
    await search.waitFor()
    const fit = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input)
      const context = document.createElement('canvas').getContext('2d')!
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      return { text: input.placeholder, needs: Math.ceil(context.measureText(input.placeholder).width), room }
    })
    expect(fit.needs, `"${fit.text}" needs ${fit.needs}px in ${fit.room}px`).toBeLessThanOrEqual(fit.room)
  })
})
