import * as Y from 'yjs'

/** The shared type every scenario writes to (the same name on every target). */
export const TEXT_NAME = 'bench'

const MARKER = /<w(\d+)\.(\d+)@\d+>/g

/**
 * Unique, timestamped edit markers. Senders and receivers live in one process, so a receiver looks the send
 * time up here (same clock) rather than trusting the timestamp in the text.
 */
export class MarkerLog {
  private readonly sentAt = new Map<string, number>()
  private readonly seqs = new Map<number, number>()

  /** Inserts writer `writer`'s next marker at the end of its text; returns its key. */
  type(doc: Y.Doc, writer: number): string {
    const seq = (this.seqs.get(writer) ?? 0) + 1
    this.seqs.set(writer, seq)
    const key = `${writer}.${seq}`
    const text = doc.getText(TEXT_NAME)
    const now = performance.now()
    this.sentAt.set(key, now)
    text.insert(text.length, `<w${key}@${Math.round(performance.timeOrigin + now)}>`)
    return key
  }

  get sentCount(): number {
    return this.sentAt.size
  }

  sentTime(key: string): number | undefined {
    return this.sentAt.get(key)
  }

  /**
   * Calls `onMarker(writer, key, latencyMs)` for each marker a remote update brings into `doc` (latency NaN
   * for a marker typed in another process). It reads the
   * update's own items rather than the Y.Text event's delta, which walks the whole text on every event (that
   * made the harness, not the server, the bottleneck at 200 clients). A marker is inserted in one transaction,
   * so it is never split across updates.
   */
  observe(doc: Y.Doc, onMarker: (writer: number, key: string, latencyMs: number) => void): void {
    doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local) return
      const now = performance.now()
      for (const struct of Y.decodeUpdate(update).structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue
        for (const match of struct.content.str.matchAll(MARKER)) {
          const key = `${match[1]}.${match[2]}`
          onMarker(Number(match[1]), key, now - (this.sentAt.get(key) ?? NaN))
        }
      }
    })
  }
}
