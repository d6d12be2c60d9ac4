import * as Y from 'yjs'
import { YLayout } from '../../shared/yLayout.js'

/**
 * The text run a bench client types into: its statement's first paragraph's, as the editor lays it out (the same
 * on every target; the Caucus server refuses content outside its schema). Created, with its paragraph, when the
 * statement is still empty.
 */
export function statementRun(doc: Y.Doc): Y.XmlText {
  const statement = doc.getXmlFragment(YLayout.richTextFragment)
  if (statement.length === 0) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText()])
    statement.insert(0, [paragraph])
  }
  return (statement.get(0) as Y.XmlElement).get(0) as Y.XmlText
}

/** Characters in a document's statement run (0 while it has none); reads without writing. */
export function statementLength(doc: Y.Doc): number {
  const paragraph = doc.getXmlFragment(YLayout.richTextFragment).get(0)
  const run = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
  return run instanceof Y.XmlText ? run.length : 0
}

/** Each client's own paragraph for its markers: typists of a room each write their own, as people do. */
const markerRuns = new WeakMap<Y.Doc, Y.XmlText>()

function markerRun(doc: Y.Doc): Y.XmlText {
  let run = markerRuns.get(doc)
  if (!run) {
    const paragraph = new Y.XmlElement('paragraph')
    run = new Y.XmlText()
    paragraph.insert(0, [run])
    const statement = doc.getXmlFragment(YLayout.richTextFragment)
    statement.insert(statement.length, [paragraph])
    markerRuns.set(doc, run)
  }
  return run
}

const MARKER = /<w(\d+)\.(\d+)@\d+>/g

/**
 * Unique, timestamped edit markers. Senders and receivers live in one process, so a receiver looks the send
 * time up here (same clock) rather than trusting the timestamp in the text.
 */
export class MarkerLog {
  private readonly sentAt = new Map<string, number>()
  private readonly seqs = new Map<number, number>()

  /** Inserts writer `writer`'s next marker at the end of its paragraph (added on its first marker); returns its key. */
  type(doc: Y.Doc, writer: number): string {
    const seq = (this.seqs.get(writer) ?? 0) + 1
    this.seqs.set(writer, seq)
    const key = `${writer}.${seq}`
    const text = markerRun(doc)
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
