import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * The JavaScript a first visit loads before anything is imported on demand: every `<script src>` and
 * `<link rel="modulepreload">` of the built index.html, each gzipped at level 9, summed (kB = 1000 bytes).
 */
export function initialJsSize(clientDir: string): { gzipKb: number; rawKb: number; files: number } {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const urls = new Set<string>()
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]!)
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) urls.add(match[1]!)
  for (const match of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) urls.add(match[1]!)
  let gzip = 0
  let raw = 0
  for (const url of urls) {
    const bytes = readFileSync(join(clientDir, url.replace(/^\//, '')))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { gzipKb: gzip / 1000, rawKb: raw / 1000, files: urls.size }
}
