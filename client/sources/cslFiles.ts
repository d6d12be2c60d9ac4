import { importSources, validateCslImport, type CslItem } from '../../shared/sources/index.js'
import type * as Y from 'yjs'
import { cslFromReferences, formatOf } from './referenceFiles.js'

/** Offers the sources as a CSL-JSON file (the format Zotero and pandoc read). */
export function downloadCslJson(items: CslItem[], baseName: string): void {
  const blob = new Blob([JSON.stringify(items, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = `${baseName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'sources'}.json`
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Imports a CSL-JSON, BibTeX or RIS file into the document, all or nothing. Returns how many sources were
 * added (and how many were already there), or the problems (one line per invalid item) when nothing was
 * imported.
 */
export async function importCslFile(file: File, doc: Y.Doc): Promise<{ imported: number; unchanged: number } | { problems: string[] }> {
  const text = await file.text()
  const format = formatOf(file.name, text)
  let data: unknown
  if (format === 'csl-json') {
    try {
      data = JSON.parse(text)
    } catch {
      return { problems: [`${file.name} is not a CSL JSON, BibTeX or RIS file. Export CSL JSON from Zotero (File › Export Library › CSL JSON).`] }
    }
  } else {
    const converted = await cslFromReferences(text, format)
    if (!converted.ok) return { problems: [`${file.name}: ${converted.problem}`] }
    data = converted.items
  }
  const result = validateCslImport(data)
  if (!result.ok) {
    const lines = result.errors.map((error) => `Item ${error.index + 1}${error.id ? ` (${error.id})` : ''}: ${error.issues.map((issue) => issue.message).join('; ')}`)
    return { problems: [result.message, ...lines] }
  }
  // The same rule as the HTTP import: identical sources are kept once, a different one never overwritten.
  const outcome = importSources(doc, result.items)
  return { imported: outcome.ids.length - outcome.unchanged.length, unchanged: outcome.unchanged.length }
}
