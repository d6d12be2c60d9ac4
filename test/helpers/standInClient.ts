import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './tempDir.js'

/** A stand-in for the built client (only its index.html matters), so a test server serves `/d/<id>` pages. */
export function standInClientDir(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Caucus</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>')
  return dir
}
