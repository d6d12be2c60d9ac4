import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'

/** A fresh directory under the OS temp dir, removed when the current test finishes. */
export function tempDir(prefix = 'caucus-test-'): string {
  const path = mkdtempSync(join(tmpdir(), prefix))
  // Registered first, so it runs after the servers and clients registered later (hooks run in reverse).
  onTestFinished(() => rmSync(path, { recursive: true, force: true }))
  return path
}
