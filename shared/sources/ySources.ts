import * as Y from 'yjs'
import { YLayout } from '../yLayout.js'
import { parseCslItem } from './cslItem.js'
import type { CslItem } from './cslTypes.js'
import { isRecord } from './issues.js'
import { deepEqual, toPlain } from './plainData.js'

/**
 * Sources in the Y.Doc: `doc.getMap('sources')` maps a source id to a Y.Map of that item's top-level CSL
 * fields (title, author, issued…, each a plain JSON value), and `custom` is one level deeper, a Y.Map of its
 * keys. Two people editing different fields of one source (the URL here, the version label there) therefore
 * touch different map entries, and both edits survive the merge; the same field edited twice is last-writer-wins.
 * The id is the key and is not repeated inside.
 */
export const SOURCES_MAP = YLayout.sources

/** Fields stored as a nested Y.Map, so their keys merge one by one. */
const NESTED_FIELDS = ['custom']

/** The document's sources map. */
export function sourcesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SOURCES_MAP)
}

function itemOf(id: string, entry: unknown): CslItem | undefined {
  if (!(entry instanceof Y.Map)) return undefined
  // Any client can write anything: what does not read as CSL is left out rather than breaking the editor.
  // Kind rules are not applied: two valid concurrent edits can merge into an item a form would flag.
  const parsed = parseCslItem({ ...entry.toJSON(), id }, { checkKind: false })
  return parsed.ok ? parsed.value : undefined
}

/** One source, or undefined when it is missing (deleted) or unreadable. */
export function readSource(doc: Y.Doc, id: string): CslItem | undefined {
  return itemOf(id, sourcesMap(doc).get(id))
}

/** All readable sources, ordered by id so every peer lists them alike. */
export function readSources(doc: Y.Doc): CslItem[] {
  const items: CslItem[] = []
  for (const [id, entry] of sourcesMap(doc)) {
    const item = itemOf(id, entry)
    if (item) items.push(item)
  }
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Makes `target` hold `fields`, touching only the entries whose value differs. */
function syncFields(target: Y.Map<unknown>, fields: Record<string, unknown>, nested: readonly string[]): void {
  for (const key of [...target.keys()]) {
    if (fields[key] === undefined) target.delete(key)
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const current = target.get(key)
    if (nested.includes(key) && isRecord(value)) {
      const map = current instanceof Y.Map ? current : target.set(key, new Y.Map<unknown>())
      syncFields(map, value, [])
    } else if (current instanceof Y.AbstractType || !deepEqual(current, value)) {
      target.set(key, toPlain(value))
    }
  }
}

/**
 * Creates a source, or updates one by writing only the fields that changed, in one transaction.
 * Fields absent from `item` are removed. `origin` is the transaction origin (see the collab server's origins).
 */
export function writeSource(doc: Y.Doc, item: CslItem, origin?: unknown): void {
  if (typeof item.id !== 'string' || item.id === '') throw new Error('writeSource: a source needs an id')
  const { id, ...fields } = item
  doc.transact(() => {
    const sources = sourcesMap(doc)
    const existing = sources.get(id)
    const entry = existing instanceof Y.Map ? (existing as Y.Map<unknown>) : sources.set(id, new Y.Map<unknown>())
    syncFields(entry, fields, NESTED_FIELDS)
  }, origin)
}

/** Removes a source; citations of it then show as "missing source". True when there was one. */
export function deleteSource(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const sources = sourcesMap(doc)
  if (!sources.has(id)) return false
  doc.transact(() => sources.delete(id), origin)
  return true
}

/** What changed in one transaction: the ids of the sources added, edited or deleted. */
export interface SourcesChange {
  ids: string[]
  origin: unknown
  /** True when the change was made in this Y.Doc rather than received from a peer. */
  local: boolean
}

/** Calls `callback` after each transaction that touches sources. Returns the function that stops it. */
export function observeSources(doc: Y.Doc, callback: (change: SourcesChange) => void): () => void {
  const sources = sourcesMap(doc)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const ids = new Set<string>()
    for (const event of events) {
      if (event.target === sources && event instanceof Y.YMapEvent) for (const key of event.keysChanged) ids.add(key)
      else if (typeof event.path[0] === 'string') ids.add(event.path[0])
    }
    if (ids.size > 0) callback({ ids: [...ids].sort(), origin: transaction.origin, local: transaction.local })
  }
  sources.observeDeep(handler)
  return () => sources.unobserveDeep(handler)
}
