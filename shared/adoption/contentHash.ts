import type * as Y from 'yjs'
import { exportMarkdown } from '../export/exportMarkdown.js'
import { readSources } from '../sources/ySources.js'
import type { CslItem } from '../sources/cslTypes.js'
import { canonicalJson, normalizeLineEndings } from './canonicalJson.js'

/** Names the canonical form, so that a future change of it can never produce a hash that means something else. */
export const CONTENT_FORMAT = 'caucus-adoption/1'

/**
 * The exact text a group adopts, in one canonical form: the canonical JSON (sorted keys, no whitespace, `\n` line
 * endings) of `{ format, sources, statement }`, where `statement` is the notes-style markdown export with its
 * default options (footnotes, Further Reading of the cited sources, no front matter) and `sources` is every
 * source of the document as CSL-JSON, sorted by id. Titles, comments, settings and who wrote what are not part
 * of it: two documents with the same statement and sources have the same content.
 */
export function canonicalContent(doc: Y.Doc): string {
  return canonicalForm(exportMarkdown(doc, { style: 'notes' }), readSources(doc))
}

/** The canonical form of a notes-style export and its sources (see canonicalContent). */
export function canonicalForm(notesMarkdown: string, sources: readonly CslItem[]): string {
  const sorted = [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return canonicalJson({ format: CONTENT_FORMAT, sources: sorted, statement: normalizeLineEndings(notesMarkdown) })
}

/** SHA-256 of the canonical content's UTF-8 bytes, as 64 lowercase hex digits (Web Crypto: Node and browsers alike). */
export async function contentHash(doc: Y.Doc): Promise<string> {
  return sha256Hex(canonicalContent(doc))
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
