/**
 * For profiling by hand: starts Caucus with the built client and the browser scenario's 50-page statement,
 * prints the editor's URL, and keeps running until Ctrl-C. `npx tsx bench/browser/serveStatement.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { snapshotClient, startCaucusWithClient } from './caucusWithClient.js'
import { benchCredentials } from '../targets/index.js'
import { TypistsProcess } from './typistsProcess.js'

const root = mkdtempSync(join(tmpdir(), 'caucus-statement-'))
const server = await startCaucusWithClient(join(root, 'data'), snapshotClient(root))
const typists = new TypistsProcess()
const base = `http://127.0.0.1:${server.port}`
// The statement belongs to the bench account (bench@example.org, password "bench bench bench bench"): sign in as it.
const headers = await benchCredentials(base)
const response = await fetch(`${base}/api/docs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"title":"Statement"}' })
const docId = ((await response.json()) as { document: { id: string } }).document.id
await typists.send({ kind: 'seed', wsBase: `ws://127.0.0.1:${server.port}/collab`, docId, headers }, 60_000)
await typists.stop()
console.log(`${base}/d/${docId} (sign in as bench@example.org, password "bench bench bench bench")`)
const stop = async () => {
  await server.stop()
  rmSync(root, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
