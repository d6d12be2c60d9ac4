/**
 * Scenario 7, the browser: Caucus's built client in Chromium on a 50-page statement with 500 citations, served
 * by the real server, while 5 and then 20 other editors (stock WebsocketProviders in another process) type and
 * move their carets. Measures keystroke → paint and remote edit → paint (p50/p95), the first load until the
 * whole statement is shown, page memory before and after typing, and the gzipped initial JavaScript.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { snapshotClient, startCaucusWithClient } from '../browser/caucusWithClient.js'
import { initialJsSize } from '../browser/initialJs.js'
import { CHROMIUM_PATH, measureFirstLoads, openReader, waitForLoad } from '../browser/firstLoads.js'
import { takeSamples, watchMarkers } from '../browser/pageProbe.js'
import { TypistsProcess } from '../browser/typistsProcess.js'
import type { Metrics } from '../clients/jobs.js'
import { percentile } from '../stats.js'
import type { RunContext, Scenario } from './harness.js'
import { benchCredentials } from '../targets/index.js'

/** Typists typing in each phase, in order (connected ones stay); BENCH_BROWSER_PHASES=0,5 for a quick look. */
const PHASES = (process.env.BENCH_BROWSER_PHASES ?? '0,5,20').split(',').map(Number)
/** Others typing during the first loads (and connected from then on). */
const FIRST_LOAD_TYPISTS = 5
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Heap {
  usedMb: number
  nodes: number
}

/** JS heap in use after a forced garbage collection (what stays, not what is waiting to be collected). */
async function readHeap(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
  return { usedMb: value('JSHeapUsedSize') / 1e6, nodes: value('Nodes') }
}

/** With --cpu-prof: a V8 CPU profile of the page's main thread around `body`, written to `dir`/`name`.cpuprofile. */
async function profiled<T>(cdp: CDPSession, dir: string | undefined, name: string, body: () => Promise<T>): Promise<T> {
  if (!dir) return body()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  try {
    return await body()
  } finally {
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  }
}

/** The page's person types a letter every 100–200 ms until `until` (performance.now() of this process). */
async function typeInPage(page: Page, until: number): Promise<number> {
  let typed = 0
  while (performance.now() < until) {
    await page.keyboard.press('abcdefghij'[typed % 10]!)
    typed++
    await sleep(100 + Math.random() * 100)
  }
  return typed
}

/** The page's person types for `ms`: keystroke → paint p50/p95 and how many, and when others' markers arrived. */
async function measureKeys(page: Page, ms: number, prefix: string): Promise<Metrics> {
  await page.evaluate(takeSamples)
  await page.evaluate('window.__bench.measureKeys = true')
  await typeInPage(page, performance.now() + ms)
  await page.evaluate('window.__bench.measureKeys = false')
  await sleep(500) // the last markers in flight
  const { keys, arrived, remote } = (await page.evaluate(takeSamples)) as { keys: number[]; arrived: number[]; remote: number[] }
  const arrivals = arrived.length > 0 ? { [`${prefix}ArrivedP50`]: percentile(arrived, 50), [`${prefix}ArrivedP95`]: percentile(arrived, 95) } : {}
  const drawn = remote.length > 0 ? { [`${prefix}RemoteP50`]: percentile(remote, 50), [`${prefix}RemoteP95`]: percentile(remote, 95) } : {}
  return { [`${prefix}KeyP50`]: percentile(keys, 50), [`${prefix}KeyP95`]: percentile(keys, 95), [`${prefix}KeyCount`]: keys.length, ...arrivals, ...drawn }
}

/**
 * What is left once the editor is gone, on this machine, in this page: the editor is destroyed and a copy of
 * the statement's DOM that no script edits takes its place; the page's Yjs document and its provider stay.
 * The same typing goes into it with nobody else typing, then while `typing` of the others type (their edits
 * reach the page's Yjs document; only their markers are drawn, each as one text node changed when its bytes
 * arrive), then into a two-paragraph contenteditable. These are the floors for keystroke → paint and remote
 * edit → paint in this statement.
 */
async function measureFloors(page: Page, typists: TypistsProcess, ms: number, typing: number): Promise<Metrics> {
  await page.evaluate(`(() => {
    const editorDom = document.querySelector('.statement.ProseMirror')
    const copy = editorDom.cloneNode(true)
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    copy.className = 'statement'
    copy.contentEditable = 'true'
    const paper = editorDom.closest('.paper')
    editorDom.editor.destroy()
    document.querySelectorAll('.statement').forEach((statement) => statement.remove())
    window.__bench.observer?.disconnect()
    // Where the others' markers are drawn while they type (pageProbe.ts), in view above the page's caret.
    const arrivals = document.createElement('p')
    arrivals.append(document.createTextNode(''))
    copy.prepend(arrivals)
    paper.append(copy)
  })()`)
  await page.locator('.statement > p').nth(2).click({ position: { x: 4, y: 6 } })
  const plain = await measureKeys(page, ms, 'floorPlain')
  await page.evaluate(`window.__bench.arrivalsText = document.querySelector('.statement > p').firstChild`)
  const [busy] = await Promise.all([
    measureKeys(page, ms, `floorPlainTyping${typing}`),
    typists.send({ kind: 'type', count: typing, durationMs: ms, minIntervalMs: 100, maxIntervalMs: 200, markerEvery: 10 }, ms + 30_000),
  ])
  await page.evaluate(`(() => {
    window.__bench.arrivalsText = null
    const tiny = document.createElement('div')
    tiny.className = 'statement'
    tiny.contentEditable = 'true'
    tiny.innerHTML = '<p>A short note.</p><p>Another line.</p>'
    document.querySelector('.statement').replaceWith(tiny)
  })()`)
  await page.locator('.statement > p').nth(1).click({ position: { x: 4, y: 6 } })
  const tiny = await measureKeys(page, ms, 'floorTiny')
  console.log(`  floors, key p95: copy ${plain.floorPlainKeyP95!.toFixed(1)} ms, copy while ${typing} type ${busy[`floorPlainTyping${typing}KeyP95`]!.toFixed(1)} ms, two paragraphs ${tiny.floorTinyKeyP95!.toFixed(1)} ms; remote p95 in the copy ${busy[`floorPlainTyping${typing}RemoteP95`]?.toFixed(1)} ms`)
  return { ...plain, ...busy, ...tiny }
}

async function createDocument(base: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${base}/api/docs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Browser bench statement' }) })
  if (response.status !== 201) throw new Error(`POST /api/docs answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { document: { id: string } }).document.id
}

async function measure(context: RunContext, quick: boolean): Promise<Metrics> {
  const phaseMs = quick ? 8_000 : 30_000
  const clientDir = snapshotClient(context.tmpRoot)
  const js = initialJsSize(clientDir)
  const dataDir = mkdtempSync(join(context.tmpRoot, 'browser-'))
  const profileDir = mkdtempSync(join(context.tmpRoot, 'chromium-'))
  const server = await startCaucusWithClient(dataDir, clientDir, context.cpuProfDir)
  const typists = new TypistsProcess()
  let browser: BrowserContext | null = null
  try {
    const base = `http://127.0.0.1:${server.port}`
    // Everyone (the reader, the typists) is the bench account: documents are private to their members.
    const headers = await benchCredentials(base)
    const session = { cookie: headers.cookie!, url: base }
    const docId = await createDocument(base, headers)
    const seeded = await typists.send({ kind: 'seed', wsBase: `ws://127.0.0.1:${server.port}/collab`, docId, headers }, 60_000)

    // First loads, each in a fresh Chromium profile (nothing cached, nothing in IndexedDB), while 5 others type,
    // as the issue puts it: the page must show a statement that is changing.
    await typists.send({ kind: 'add', count: FIRST_LOAD_TYPISTS }, 60_000)
    const whileOthersType = async (load: () => Promise<void>) => {
      const typing = typists.send({ kind: 'type', count: FIRST_LOAD_TYPISTS, durationMs: 4_000, minIntervalMs: 100, maxIntervalMs: 200, markerEvery: 10 }, 40_000)
      await sleep(1_000)
      await load()
      await typing
    }
    const firstLoads = await measureFirstLoads(`${base}/d/${docId}`, quick ? 3 : 5, context.tmpRoot, session, whileOthersType)
    const reader = await openReader(profileDir, session)
    browser = reader.browser
    const page = reader.page
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${base}/d/${docId}`)
    await waitForLoad(page, 60_000)
    // A second load (HTTP cache and the IndexedDB copy are warm), for comparison.
    await sleep(1_000)
    await page.reload()
    const reload = await waitForLoad(page, 60_000)

    const cdp = await browser.newCDPSession(page)
    await cdp.send('Performance.enable')
    // The page's person writes at the start of the second paragraph (in view, near the typists' first carets).
    await page.locator('.statement > p').nth(1).click({ position: { x: 4, y: 6 } })
    await page.evaluate(watchMarkers)
    await sleep(500)
    const heapStart = await readHeap(cdp)

    const metrics: Metrics = {
      ...firstLoads,
      reloadMs: reload.shown,
      reloadEditableMs: reload.editable,
      initialJsGzipKb: js.gzipKb,
      initialJsRawKb: js.rawKb,
      initialJsFiles: js.files,
      statementWords: Number(seeded.words),
      statementBlocks: Number(seeded.blocks),
      heapStartMb: heapStart.usedMb,
      domNodesStart: heapStart.nodes,
    }
    let joined = FIRST_LOAD_TYPISTS
    for (const count of PHASES) {
      if (count > joined) await typists.send({ kind: 'add', count: count - joined }, 60_000)
      // Typists stay connected once added; a phase with fewer typing leaves the others idle.
      joined = Math.max(joined, count)
      await sleep(1_000)
      await page.evaluate(takeSamples)
      await page.evaluate('window.__bench.measureKeys = true')
      const until = performance.now() + phaseMs
      const [typed, remoteSent] = await profiled(cdp, context.cpuProfDir, `page-${count}-typing`, () =>
        Promise.all([
          typeInPage(page, until),
          typists.send({ kind: 'type', count, durationMs: phaseMs, minIntervalMs: 100, maxIntervalMs: 200, markerEvery: 10 }, phaseMs + 30_000),
        ]),
      )
      await page.evaluate('window.__bench.measureKeys = false')
      await sleep(1_500) // the last markers in flight
      const samples = (await page.evaluate(takeSamples)) as { keys: number[]; keysHandled: number[]; remote: number[]; arrived: number[] }
      const heap = await readHeap(cdp)
      const markers = Number(remoteSent.markers)
      Object.assign(metrics, {
        [`keyP50_${count}`]: percentile(samples.keys, 50),
        [`keyP95_${count}`]: percentile(samples.keys, 95),
        [`keyMax_${count}`]: percentile(samples.keys, 100),
        [`keyCount_${count}`]: samples.keys.length,
        [`keyHandledP50_${count}`]: percentile(samples.keysHandled, 50),
        [`keyHandledP95_${count}`]: percentile(samples.keysHandled, 95),
        [`pageTyped_${count}`]: typed,
        [`remoteP50_${count}`]: percentile(samples.remote, 50),
        [`remoteP95_${count}`]: percentile(samples.remote, 95),
        [`remoteMax_${count}`]: percentile(samples.remote, 100),
        [`remoteArrivedP50_${count}`]: percentile(samples.arrived, 50),
        [`remoteArrivedP95_${count}`]: percentile(samples.arrived, 95),
        [`remoteShownPct_${count}`]: markers > 0 ? (100 * samples.remote.length) / markers : NaN,
        [`remoteKeystrokes_${count}`]: Number(remoteSent.keystrokes),
        [`heapAfterMb_${count}`]: heap.usedMb,
        [`domNodesAfter_${count}`]: heap.nodes,
      })
      console.log(`  ${count} typists: key p95 ${metrics[`keyP95_${count}`]!.toFixed(1)} ms, remote p95 ${metrics[`remoteP95_${count}`]?.toFixed(1)} ms, shown ${metrics[`remoteShownPct_${count}`]!.toFixed(0)}%, heap ${heap.usedMb.toFixed(1)} MB`)
    }
    Object.assign(metrics, await measureFloors(page, typists, phaseMs / 2, 5))
    metrics.pageErrors = errors.length
    if (errors.length > 0) console.log(`  page errors: ${errors.slice(0, 3).join(' | ')}`)
    return metrics
  } finally {
    await typists.stop()
    await browser?.close().catch(() => undefined)
    await server.stop()
    rmSync(profileDir, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Scenario 7 (one repetition: it is long, and the browser is the thing measured, not the server). */
export function browserScenario(quick: boolean): Scenario & { skipReason(): string | undefined } {
  return {
    id: 'browser',
    title: 'browser (Chromium): 50-page statement, 500 citations, 5 then 20 others typing',
    targets: ['caucus'],
    reps: 1,
    run: (_target, context) => measure(context, quick),
    skipReason: () => (existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`),
  }
}
