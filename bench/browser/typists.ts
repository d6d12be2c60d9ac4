/**
 * The browser scenario's other editors, in their own process (forked by bench/scenarios/browser.ts, driven over
 * IPC): stock y-websocket `WebsocketProvider`s that type into paragraphs of the statement through the
 * ProseMirror Yjs layout and publish their name, colour and caret in awareness the way Tiptap's
 * CollaborationCaret does (`user: { name, color }`, `cursor: { anchor, head }` as Y.RelativePosition JSON).
 * Every `markerEvery`-th keystroke is a marker `⁅<epoch ms>⁆` the page times when it shows it.
 */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { USER_COLOURS } from '../../shared/userColour.js'
import { writeStatement } from './statement.js'

export type TypistCommand =
  /** `headers`: what each typist's websocket upgrade sends (the bench account's cookie and Origin). */
  | { kind: 'seed'; wsBase: string; docId: string; headers: Record<string, string> }
  | { kind: 'add'; count: number }
  /** The first `count` typists (all when absent) type for `durationMs`. */
  | { kind: 'type'; durationMs: number; minIntervalMs: number; maxIntervalMs: number; markerEvery: number; count?: number }
  | { kind: 'stop' }

export type TypistReply = { ok: true; [figure: string]: number | boolean } | { ok: false; error: string }

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket
const LETTERS = 'a quick brown fox jumps over the lazy dog '
const epochMs = () => performance.timeOrigin + performance.now()

interface Typist {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Which top-level block (a paragraph) this typist writes in. */
  block: number
  offset: number
  typed: number
}

let wsBase = ''
let docId = ''
let WebSocketAsBench = WebSocketPolyfill
const typists: Typist[] = []

function connect(): WebsocketProvider {
  return new WebsocketProvider(wsBase, docId, new Y.Doc(), { WebSocketPolyfill: WebSocketAsBench, disableBc: true })
}

function whenSynced(provider: WebsocketProvider, timeoutMs = 20_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a typist did not sync within ${timeoutMs} ms`)), timeoutMs)
    provider.on('sync', (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      resolve()
    })
  })
}

/** The first text run of a block, where this typist's characters go. */
function textOf(typist: Typist): Y.XmlText {
  const block = typist.doc.getXmlFragment('default').get(typist.block) as Y.XmlElement
  const text = block.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText)
  if (!text) throw new Error(`block ${typist.block} has no text`)
  return text
}

/** Publishes the caret just after the last character typed, as relative positions (like y-prosemirror). */
function publishCursor(typist: Typist, text: Y.XmlText): void {
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, typist.offset))
  typist.provider.awareness.setLocalStateField('cursor', { anchor: position, head: position })
}

async function seed(command: Extract<TypistCommand, { kind: 'seed' }>): Promise<TypistReply> {
  wsBase = command.wsBase
  docId = command.docId
  const headers = command.headers
  // ws's WebSocket sending the cookie and Origin with its upgrade, as a browser does.
  WebSocketAsBench = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  } as unknown as typeof globalThis.WebSocket
  const writer = connect()
  await whenSynced(writer)
  const { paragraphs, words } = writeStatement(writer.doc)
  const expected = writer.doc.getXmlFragment('default').length
  // Stored and served: a fresh client sees the whole statement.
  const started = performance.now()
  for (;;) {
    const reader = connect()
    await whenSynced(reader)
    const seen = reader.doc.getXmlFragment('default').length
    reader.destroy()
    if (seen === expected) break
    if (performance.now() - started > 20_000) throw new Error(`the statement did not reach the server (${seen}/${expected} blocks)`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  writer.destroy()
  return { ok: true, paragraphs, words, blocks: expected }
}

async function add(count: number): Promise<TypistReply> {
  const fresh: Typist[] = []
  for (let i = 0; i < count; i++) {
    const index = typists.length + fresh.length
    const provider = connect()
    const typist: Typist = { doc: provider.doc, provider, block: 0, offset: 0, typed: 0 }
    provider.awareness.setLocalStateField('user', { name: `Typist ${index + 1}`, color: USER_COLOURS[index % USER_COLOURS.length] })
    fresh.push(typist)
  }
  await Promise.all(fresh.map((typist) => whenSynced(typist.provider)))
  for (const typist of fresh) {
    const index = typists.length
    const blocks = typist.doc.getXmlFragment('default').length
    // Spread through the statement, the first few near the top (in the page's view); never a heading (every 15th).
    let block = index < 4 ? 4 + index * 3 : (7 + index * 37) % blocks
    if (block % 15 === 0) block++
    typist.block = block
    typist.offset = Math.min(10, textOf(typist).length)
    publishCursor(typist, textOf(typist))
    typists.push(typist)
  }
  return { ok: true, typists: typists.length }
}

function keystroke(typist: Typist, marker: boolean): void {
  const text = textOf(typist)
  typist.offset = Math.min(typist.offset, text.length)
  const insert = marker ? `⁅${epochMs().toFixed(1)}⁆` : LETTERS[typist.typed % LETTERS.length]!
  text.insert(typist.offset, insert)
  typist.offset += insert.length
  typist.typed++
  publishCursor(typist, text)
}

async function type(command: Extract<TypistCommand, { kind: 'type' }>): Promise<TypistReply> {
  let keystrokes = 0
  let markers = 0
  const until = performance.now() + command.durationMs
  await Promise.all(
    typists.slice(0, command.count ?? typists.length).map(
      (typist, index) =>
        new Promise<void>((resolve) => {
          // Typists start out of phase so their markers do not all land in one frame.
          let count = index
          const next = () => {
            if (performance.now() >= until) return resolve()
            const marker = ++count % command.markerEvery === 0
            keystroke(typist, marker)
            keystrokes++
            if (marker) markers++
            setTimeout(next, command.minIntervalMs + Math.random() * (command.maxIntervalMs - command.minIntervalMs))
          }
          setTimeout(next, Math.random() * command.maxIntervalMs)
        }),
    ),
  )
  return { ok: true, keystrokes, markers }
}

async function handle(command: TypistCommand): Promise<TypistReply> {
  switch (command.kind) {
    case 'seed':
      return seed(command)
    case 'add':
      return add(command.count)
    case 'type':
      return type(command)
    case 'stop':
      for (const typist of typists) typist.provider.destroy()
      return { ok: true }
  }
}

process.setMaxListeners(0)
process.on('message', (command: TypistCommand) => {
  handle(command).then(
    (reply) => reply,
    (error: unknown): TypistReply => ({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  ).then((reply) => {
    process.send!(reply)
    if (command.kind === 'stop') setTimeout(() => process.exit(0), 100)
  })
})
