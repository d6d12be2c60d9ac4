import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { createFixtureDocument } from '../helpers/statementFixture.js'
import { startTestServer } from '../helpers/testServer.js'
import { apiFetch } from '../helpers/testAuth.js'

const run = promisify(execFile)
const root = join(import.meta.dirname, '../..')

test('npm run export writes the stored statement without the server, identical to the HTTP export', { timeout: 90_000 }, async () => {
  const server = await startTestServer()
  const docId = await createFixtureDocument(server, 'CLI statement')
  const viaHttp = await (await apiFetch(`${server.url}/api/docs/${docId}/export.md?style=pandoc`)).text()
  await server.close()

  const out = join(server.dataDir, 'out.md')
  const env = { ...process.env, CAUCUS_DATA_DIR: server.dataDir }
  await run(process.execPath, ['--import', 'tsx', 'server/exportCli.ts', docId, '--style', 'pandoc', '--out', out], { cwd: root, env })
  expect(readFileSync(out, 'utf8')).toBe(viaHttp)

  const missing = await run(process.execPath, ['--import', 'tsx', 'server/exportCli.ts', 'nosuchdoc'], { cwd: root, env }).catch((error) => error)
  expect(missing.code).toBe(1)
  expect(missing.stderr).toContain('No document with id "nosuchdoc"')
  const badStyle = await run(process.execPath, ['--import', 'tsx', 'server/exportCli.ts', docId, '--style', 'mla'], { cwd: root, env }).catch((error) => error)
  expect(badStyle.code).toBe(2)
  expect(badStyle.stderr).toContain('Unknown style "mla"')
})
