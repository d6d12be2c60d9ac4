import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { EXPORT_STYLES, exportMarkdown, type ExportStyle, type FurtherReading } from '../shared/export/index.js'
import { readConfig } from './config.js'
import { SqliteStorage } from './storage/SqliteStorage.js'
import { latestAdoption } from './versions/adoptionOf.js'
import { exportVersion, VersionExportError } from './versions/exportVersion.js'

const USAGE =
  'Usage: npm run export -- <docId> [--style notes|pandoc] [--further-reading cited|all|none] [--front-matter] [--version N] [--adopted] [--out file.md]\n' +
  '  --version N   export version N of the history instead of the current text\n' +
  '  --adopted     end with the adoption note; without --version, export the latest proposed version, which must be adopted'

/** `npm run export`: a stored statement as markdown, read straight from the SQLite file (no server needed). */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      style: { type: 'string', default: 'notes' },
      'further-reading': { type: 'string', default: 'cited' },
      'front-matter': { type: 'boolean', default: false },
      version: { type: 'string' },
      adopted: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const docId = positionals[0]
  if (values.help || !docId || positionals.length > 1) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  if (!(EXPORT_STYLES as readonly string[]).includes(values.style)) {
    console.error(`Unknown style "${values.style}": use notes or pandoc.\n${USAGE}`)
    return 2
  }
  if (!['cited', 'all', 'none'].includes(values['further-reading'])) {
    console.error(`Unknown --further-reading "${values['further-reading']}": use cited, all or none.\n${USAGE}`)
    return 2
  }
  if (values.version !== undefined && !/^[1-9]\d{0,8}$/.test(values.version)) {
    console.error(`--version must be a version number (1, 2, 3…), got "${values.version}".\n${USAGE}`)
    return 2
  }
  const config = readConfig()
  const storage = new SqliteStorage(join(config.dataDir, 'caucus.sqlite'))
  try {
    const record = await storage.getDocument(docId)
    if (!record) {
      console.error(`No document with id "${docId}" in ${config.dataDir}.`)
      return 1
    }
    const options = { style: values.style as ExportStyle, furtherReading: values['further-reading'] as FurtherReading }
    let markdown: string
    if (values.version !== undefined || values.adopted) {
      // A version's export reads stored facts only (its own title and date), so it is the same whenever it is made.
      let number = values.version === undefined ? undefined : Number(values.version)
      number ??= (await latestAdoption(storage, docId))?.record.number
      if (number === undefined) {
        console.error(`Document "${docId}" has no version proposed for adoption.`)
        return 1
      }
      try {
        markdown = (await exportVersion(storage, docId, number, { ...options, frontMatter: values['front-matter'], adopted: values.adopted })).markdown
      } catch (error) {
        if (!(error instanceof VersionExportError)) throw error
        console.error(error.message)
        return 1
      }
    } else {
      const doc = new Y.Doc()
      for (const update of await storage.loadUpdates(docId)) Y.applyUpdate(doc, update)
      markdown = exportMarkdown(doc, {
        ...options,
        frontMatter: values['front-matter'] ? { title: record.title || undefined, date: new Date().toISOString().slice(0, 10) } : false,
      })
    }
    if (values.out) {
      writeFileSync(values.out, markdown)
      console.error(`Wrote ${values.out} (${Buffer.byteLength(markdown)} bytes).`)
    } else process.stdout.write(markdown)
    return 0
  } finally {
    await storage.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Export failed:', error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
