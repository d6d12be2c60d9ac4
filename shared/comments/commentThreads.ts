import * as Y from 'yjs'
import { YLayout } from '../yLayout.js'
import { AnchorRecord, MAX_ANCHORS, MAX_QUOTE_LENGTH, MessageRecord, ResolvedRecord, type CommentAuthor } from './commentRecords.js'

/**
 * Comment threads in the Y.Doc: `doc.getMap('comments')` maps a thread id to a Y.Map holding
 * - `anchors`: where its passage is, a list of AnchorRecord (oldest first; see commentAnchors.ts),
 * - `quote`: the passage's words when the thread was started (kept, so a thread whose words were deleted still
 *   says what it was about),
 * - `createdAt`: epoch milliseconds,
 * - `messages`: a Y.Array of MessageRecord, the opening comment first, replies after (appends from two people
 *   at once both survive),
 * - `resolved`: a ResolvedRecord, or null while it is open.
 * The threads are not part of the statement: nothing that renders or exports the text reads this map.
 */
export const COMMENTS_MAP = YLayout.comments

export interface CommentMessage {
  id: string
  author: CommentAuthor
  body: string
  at: number
}

export interface CommentThread {
  id: string
  /** Where the passage is, newest first (later ones were written when an edit moved the words). */
  anchors: AnchorRecord[]
  quote: string
  createdAt: number
  /** The opening comment, then the replies, in the order the document holds them. */
  messages: CommentMessage[]
  resolved: { by: { id: string; name: string }; at: number } | null
}

/** The document's comments map. */
export function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COMMENTS_MAP)
}

// 64 symbols, so each random byte maps to one without bias.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A fresh random id with a prefix (72 random bits). */
export function newCommentId(prefix: 'c' | 'm'): string {
  let id = `${prefix}_`
  for (const byte of crypto.getRandomValues(new Uint8Array(12))) id += ALPHABET[byte & 63]
  return id
}

function readMessages(value: unknown): CommentMessage[] {
  if (!(value instanceof Y.Array)) return []
  const messages: CommentMessage[] = []
  for (const entry of value.toArray()) {
    const parsed = MessageRecord.safeParse(entry)
    if (!parsed.success) continue
    const { id, authorId, authorName, authorColour, body, at } = parsed.data
    messages.push({ id, author: { id: authorId, name: authorName, colour: authorColour }, body, at })
  }
  return messages
}

function readAnchors(value: unknown): AnchorRecord[] {
  if (!Array.isArray(value)) return []
  const anchors: AnchorRecord[] = []
  for (const entry of value.slice(-MAX_ANCHORS)) {
    const parsed = AnchorRecord.safeParse(entry)
    if (parsed.success) anchors.unshift(parsed.data)
  }
  return anchors
}

function threadOf(id: string, entry: unknown): CommentThread | undefined {
  // Any client can write anything: a thread keeps whatever of it is readable, and is left out only when nothing is.
  if (!(entry instanceof Y.Map)) return undefined
  const messages = readMessages(entry.get('messages'))
  const rawQuote = entry.get('quote')
  const quote = typeof rawQuote === 'string' ? rawQuote.slice(0, MAX_QUOTE_LENGTH) : ''
  if (messages.length === 0 && quote === '') return undefined
  const rawCreated = entry.get('createdAt')
  const createdAt = typeof rawCreated === 'number' && Number.isFinite(rawCreated) ? rawCreated : (messages[0]?.at ?? 0)
  const resolvedRecord = ResolvedRecord.safeParse(entry.get('resolved'))
  const resolved = resolvedRecord.success ? { by: { id: resolvedRecord.data.byId, name: resolvedRecord.data.byName }, at: resolvedRecord.data.at } : null
  return { id, anchors: readAnchors(entry.get('anchors')), quote, createdAt, messages, resolved }
}

/** One thread, or undefined when there is none (or nothing of it is readable). */
export function readThread(doc: Y.Doc, id: string): CommentThread | undefined {
  return threadOf(id, commentsMap(doc).get(id))
}

/** All readable threads, oldest first (ties by id), so every peer lists them alike. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = []
  for (const [id, entry] of commentsMap(doc)) {
    const thread = threadOf(id, entry)
    if (thread) threads.push(thread)
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function messageRecord(author: CommentAuthor, body: string, at: number): MessageRecord {
  return { id: newCommentId('m'), authorId: author.id, authorName: author.name, authorColour: author.colour, body, at }
}

export interface NewThread {
  anchor: AnchorRecord
  quote: string
  author: CommentAuthor
  body: string
  /** Epoch milliseconds; now unless given. */
  at?: number
}

/** Starts a thread on a passage, in one transaction; returns its id. */
export function createThread(doc: Y.Doc, thread: NewThread, origin?: unknown): string {
  const id = newCommentId('c')
  const at = thread.at ?? Date.now()
  doc.transact(() => {
    const entry = commentsMap(doc).set(id, new Y.Map<unknown>())
    entry.set('anchors', [thread.anchor])
    entry.set('quote', thread.quote.slice(0, MAX_QUOTE_LENGTH))
    entry.set('createdAt', at)
    entry.set('resolved', null)
    entry.set('messages', Y.Array.from([messageRecord(thread.author, thread.body, at)]))
  }, origin)
  return id
}

function threadEntry(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const entry = commentsMap(doc).get(id)
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : undefined
}

/** Adds a reply at the end of a thread. False when there is no such thread. */
export function addReply(doc: Y.Doc, threadId: string, reply: { author: CommentAuthor; body: string; at?: number }, origin?: unknown): boolean {
  const entry = threadEntry(doc, threadId)
  if (!entry) return false
  doc.transact(() => {
    let messages = entry.get('messages')
    // A thread whose list was overwritten with something else gets a new list: the reply is not dropped.
    if (!(messages instanceof Y.Array)) messages = entry.set('messages', new Y.Array<unknown>())
    ;(messages as Y.Array<unknown>).push([messageRecord(reply.author, reply.body, reply.at ?? Date.now())])
  }, origin)
  return true
}

/** Resolves a thread (`by` someone) or reopens it (`by` null). False when there is no such thread. */
export function setResolved(doc: Y.Doc, threadId: string, by: CommentAuthor | null, origin?: unknown, at = Date.now()): boolean {
  const entry = threadEntry(doc, threadId)
  if (!entry) return false
  const record: ResolvedRecord | null = by ? { byId: by.id, byName: by.name, at } : null
  doc.transact(() => entry.set('resolved', record), origin)
  return true
}

/**
 * Gives a thread a newer anchor (after an edit moved its words into new text), keeping the older ones as
 * fallbacks: undoing that edit brings the old words back, and the old anchor finds them again.
 */
export function addAnchor(doc: Y.Doc, threadId: string, anchor: AnchorRecord, origin?: unknown): boolean {
  const entry = threadEntry(doc, threadId)
  if (!entry) return false
  const current = entry.get('anchors')
  const anchors = Array.isArray(current) ? current.filter((item) => AnchorRecord.safeParse(item).success) : []
  doc.transact(() => entry.set('anchors', [...anchors, anchor].slice(-MAX_ANCHORS)), origin)
  return true
}

/** Calls `callback` after each transaction that touches the comments. Returns the function that stops it. */
export function observeThreads(doc: Y.Doc, callback: (transaction: Y.Transaction) => void): () => void {
  const comments = commentsMap(doc)
  const handler = (_events: unknown, transaction: Y.Transaction) => callback(transaction)
  comments.observeDeep(handler)
  return () => comments.unobserveDeep(handler)
}
