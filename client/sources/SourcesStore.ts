import type * as Y from 'yjs'
import { newerVersionOf } from '../../shared/sources/billVersions.js'
import type { CslItem } from '../../shared/sources/cslTypes.js'
import { formatInlineLabel } from '../../shared/sources/labels.js'

type SourcesAccess = typeof import('./sourcesAccess.js')

export interface SourcesSnapshot {
  items: CslItem[]
  byId: Map<string, CslItem>
  /** False until the sources have been read once (a moment after the editor opens). */
  loaded: boolean
}

/**
 * The document's sources as React and node views read them: a cached, immutable snapshot rebuilt after each
 * transaction that touches the `sources` map, with subscribers told once per change. The reading code (with
 * its validation) is loaded on demand: until then the snapshot is empty and `loaded` is false.
 */
export class SourcesStore {
  private snapshot: SourcesSnapshot = { items: [], byId: new Map(), loaded: false }
  private readonly listeners = new Set<() => void>()
  private stopObserving: () => void = () => {}
  private readonly newerCache = new Map<string, CslItem | null>()
  private access: SourcesAccess | null = null
  private destroyed = false

  constructor(readonly doc: Y.Doc) {
    void import('./sourcesAccess.js').then((access) => {
      if (this.destroyed) return
      this.access = access
      this.stopObserving = access.observeSources(doc, () => this.refresh())
      this.refresh()
    })
  }

  private refresh(): void {
    const items = this.access!.readSources(this.doc)
    this.snapshot = { items, byId: new Map(items.map((item) => [item.id, item])), loaded: true }
    this.newerCache.clear()
    for (const listener of this.listeners) listener()
  }

  get loaded(): boolean {
    return this.snapshot.loaded
  }

  getSnapshot = (): SourcesSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(id: string | null | undefined): CslItem | undefined {
    return id ? this.snapshot.byId.get(id) : undefined
  }

  /** The short label shown in the text for a source. */
  label(id: string | null | undefined): string | undefined {
    const item = this.get(id)
    return item && formatInlineLabel(item)
  }

  /** The latest version of the same bill, when the cited version is not it. */
  newerVersion(id: string | null | undefined): CslItem | undefined {
    const item = this.get(id)
    if (!item) return undefined
    if (!this.newerCache.has(item.id)) this.newerCache.set(item.id, newerVersionOf(this.snapshot.items, item) ?? null)
    return this.newerCache.get(item.id) ?? undefined
  }

  /**
   * Adds a source carried on the clipboard (CSL-JSON text) when it is valid, has the id the citation expects,
   * and the document lacks it. False when nothing was added.
   */
  adoptPasted(json: string, sourceId: string): boolean {
    if (!this.access || this.get(sourceId)) return false
    const parsed = this.access.parseCslItem(JSON.parse(json))
    if (!parsed.ok || parsed.value.id !== sourceId) return false
    this.access.writeSource(this.doc, parsed.value)
    return true
  }

  destroy(): void {
    this.destroyed = true
    this.stopObserving()
    this.listeners.clear()
  }
}
