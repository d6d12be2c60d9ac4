import * as Y from 'yjs'
import { appendParagraph, paragraphTexts } from './statementBody.js'
import type { TestClient } from './yClient.js'

/** One paragraph a writer added, named by a token written nowhere else. */
export interface TokenWrite {
  token: string
  writer: number
  /** The writer's clock just after this write: the write is stored once the saved state vector reaches it. */
  clockAfter: number
  /** Set once an ack covered it (and never unset: storage only grows). */
  acked: boolean
}

/**
 * Clients (subscribed to "saved" acks) that each append a paragraph with a unique token every `intervalMs`,
 * whether connected or not (offline edits are sent when they reconnect), and remember which writes an ack
 * covered. Fault tests then check the stored document against `writes`.
 */
export class TokenWriters {
  readonly writes: TokenWrite[] = []
  private readonly mine: TokenWrite[][]
  /** Per writer, the index in `mine` of its first write no ack covered yet (acks cover a prefix of its writes). */
  private readonly firstUnacked: number[]
  private timers: NodeJS.Timeout[] = []
  private ackedTotal = 0

  constructor(readonly clients: TestClient[]) {
    for (const client of clients) if (!client.saved) throw new Error('TokenWriters: connect the clients with savedAcks')
    this.mine = clients.map(() => [])
    this.firstUnacked = clients.map(() => 0)
  }

  /** Writes one token now with writer `n`. */
  write(n: number): TokenWrite {
    const client = this.clients[n]!
    const token = `w${n}-${this.mine[n]!.length}`
    appendParagraph(client.doc, token)
    const write = { token, writer: n, clockAfter: Y.getState(client.doc.store, client.doc.clientID), acked: false }
    this.writes.push(write)
    this.mine[n]!.push(write)
    return write
  }

  /** Every writer writes a token every `intervalMs` until `stop()`. */
  start(intervalMs: number): void {
    this.stop()
    this.timers = this.clients.map((_, n) => setInterval(() => this.write(n), intervalMs))
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
  }

  /** Marks the writes the latest acks cover; returns how many writes have been acked so far. */
  markAcked(): number {
    for (const [n, client] of this.clients.entries()) {
      const list = this.mine[n]!
      let i = this.firstUnacked[n]!
      while (i < list.length && client.saved!.covers(client.doc.clientID, list[i]!.clockAfter)) {
        list[i]!.acked = true
        this.ackedTotal++
        i++
      }
      this.firstUnacked[n] = i
    }
    return this.ackedTotal
  }

  get ackedCount(): number {
    return this.ackedTotal
  }

  /** True when every writer's last ack covers everything its document holds. */
  allSaved(): boolean {
    return this.clients.every((client) => client.saved!.isAllSaved())
  }
}

/** How often each paragraph text occurs in `doc`. */
export function tokenCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>()
  for (const text of paragraphTexts(doc)) counts.set(text, (counts.get(text) ?? 0) + 1)
  return counts
}

/** What a stored document says about the writes: those acked but missing, and tokens stored more than once. */
export function checkStored(stored: Y.Doc, writes: readonly TokenWrite[]): { lost: string[]; duplicated: string[]; stored: number } {
  const counts = tokenCounts(stored)
  const lost = writes.filter((write) => write.acked && !counts.has(write.token)).map((write) => write.token)
  const duplicated = [...counts].filter(([text, count]) => text !== '' && count > 1).map(([text]) => text)
  return { lost, duplicated, stored: writes.filter((write) => counts.has(write.token)).length }
}
