import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { BEFORE_DIR, repoRoot } from './targets/index.js'

/**
 * Extracts the server and shared code of an earlier commit into BEFORE_DIR, so that the `caucus-before` target
 * runs it compiled exactly like today's Caucus, in the same run: before/after figures from one machine and one
 * harness. It uses today's node_modules (the dependencies must not have changed in between).
 */
export function prepareBefore(revision: string): void {
  const dir = join(repoRoot, BEFORE_DIR)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const archive = execFileSync('git', ['archive', '--format=tar', revision, 'server', 'shared'], { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 })
  execFileSync('tar', ['-x', '-C', dir], { input: archive })
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'))
}
