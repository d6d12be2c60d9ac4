/**
 * Compiles the server (and, for the benchmark, any other Node entry points) into plain JavaScript under
 * `dist/`, so that production runs on `node` alone: no TypeScript loader thread, no source maps in memory.
 * Packages stay external (imported from node_modules as they are); only the project's own code is bundled.
 * Usage: tsx server/build.ts [entry.ts …]   (default: the server and the export CLI)
 */
import { build } from 'esbuild'

export const SERVER_ENTRIES = ['server/main.ts', 'server/exportCli.ts']

/** Bundles `entries` into `outdir`, keeping their paths (server/main.ts → <outdir>/server/main.js). */
export async function buildNodeEntries(entries: string[], outdir = 'dist'): Promise<void> {
  await build({
    entryPoints: entries,
    outdir,
    outbase: process.cwd(),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Shared chunks, and the export code in a chunk of its own that is loaded on the first export.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = process.argv.slice(2)
  await buildNodeEntries(entries.length > 0 ? entries : SERVER_ENTRIES)
}
