import type * as Y from 'yjs'
import { formatInlineLabel, newerVersionOf, observeSources, readSources, type CslItem } from '../../shared/sources/index.js'

export interface SourcesSnapshot {
  items: CslItem[]
  byId: Map<string, CslItem>
}

/**
 * The document's sources as React and node views read them: a cached, immutable snapshot rebuilt after each
 * transaction that touches the `sources` map, with subscribers told once per change.
 */
export class SourcesStore {
  private snapshot: SourcesSnapshot
  private readonly listeners = new Set<() => void>()
  private readonly stopObserving: () => void
  private readonly newerCache = new Map<string, CslItem | null>()

  constructor(readonly doc: Y.Doc) {
    this.snapshot = this.read()
    this.stopObserving = observeSources(doc, () => {
      this.snapshot = this.read()
      this.newerCache.clear()
      for (const listener of this.listeners) listener()
    })
  }

  private read(): SourcesSnapshot {
    const items = readSources(this.doc)
    return { items, byId: new Map(items.map((item) => [item.id, item])) }
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

  destroy(): void {
    this.stopObserving()
    this.listeners.clear()
  }
}
