import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.js'
import { YLayout } from '../../shared/yLayout.js'
import type { Prng } from './prng.js'

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * Real protocol messages from a scratch document (edits in several kinds of shared types, a presence state):
 * the raw material the fuzzer cuts and flips, so corrupted frames get past the first bytes of the decoder. Every
 * edit among them is one the server must refuse whole (a root outside the Caucus layout, or content outside the
 * schema in the statement), so a fuzzing client must never change anyone's document.
 */
export function sampleMessages(): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('fuzz')
  text.insert(0, 'Hello, world')
  text.format(0, 5, { bold: true })
  text.delete(5, 2)
  doc.getMap('meta').set('source', { url: 'https://example.org', year: 2024, tags: ['a', 'b'] })
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('rich')])
  doc.getXmlFragment('fuzz-fragment').insert(0, [paragraph])
  doc.getArray('fuzz-array').insert(0, [1, 'two', new Uint8Array([3]), new Y.Map()])
  // Content outside the schema, in the statement itself: each item of these updates is refused.
  const statement = doc.getXmlFragment(YLayout.richTextFragment)
  const strayText = new Y.XmlText()
  strayText.insert(0, 'stray text at the top level')
  statement.insert(0, [strayText])
  statement.insert(0, [new Y.XmlElement('pollWidget')])
  const orphanItem = new Y.XmlElement('listItem')
  orphanItem.insert(0, [new Y.XmlElement('paragraph')])
  statement.insert(0, [orphanItem])

  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name: 'Fuzzer', color: '#f00' }, cursor: { anchor: 1, head: 4 } })
  const awarenessMessage = frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
  })
  awareness.destroy()

  return [
    ...updates.map((update) => frame((e) => (encoding.writeVarUint(e, MessageType.sync), syncProtocol.writeUpdate(e, update)))),
    frame((e) => (encoding.writeVarUint(e, MessageType.sync), syncProtocol.writeSyncStep1(e, doc))),
    frame((e) => (encoding.writeVarUint(e, MessageType.sync), syncProtocol.writeSyncStep2(e, doc))),
    awarenessMessage,
    frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness)),
    frame((e) => encoding.writeVarUint(e, MessageType.saved)),
  ]
}

export type FuzzKind =
  | 'random'
  | 'truncated'
  | 'bitFlipped'
  | 'unknownType'
  | 'text'
  | 'empty'
  | 'valid'
  | 'hugeLength'
  | 'hugeCount'
  | 'oversized'
  | 'presenceFlood'
  | 'presenceTooLarge'
  | 'manyIds'

/** Frames larger than the server's default limit (16 MiB): one byte over, so the refusal is the limit's. */
const OVERSIZED_BYTES = 16 * 1024 * 1024 + 1

/** `[awareness, update]` with these entries. */
const awarenessOf = (entries: { id: number; clock: number; state: unknown }[]) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, entries.length)
    for (const { id, clock, state } of entries) {
      encoding.writeVarUint(update, id)
      encoding.writeVarUint(update, clock)
      encoding.writeVarString(update, JSON.stringify(state))
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
  })

const known = new Set<number>(Object.values(MessageType))

/** One frame of the given kind, derived deterministically from the generator. */
export function fuzzFrame(kind: FuzzKind, samples: Uint8Array[], prng: Prng): Uint8Array | string {
  const sample = prng.pick(samples)
  switch (kind) {
    case 'random':
      return prng.bytes(1 + prng.int(64))
    case 'truncated':
      return sample.slice(0, prng.int(sample.length))
    case 'bitFlipped': {
      const copy = sample.slice()
      for (let flips = 1 + prng.int(4); flips > 0; flips--) copy[prng.int(copy.length)]! ^= 1 << prng.int(8)
      return copy
    }
    case 'unknownType': {
      let type = prng.int(prng.next() < 0.5 ? 128 : 1_000_000)
      while (known.has(type)) type++
      return frame((e) => (encoding.writeVarUint(e, type), encoding.writeUint8Array(e, prng.bytes(prng.int(16)))))
    }
    case 'text':
      return Array.from(prng.bytes(1 + prng.int(32)), (byte) => String.fromCharCode(32 + (byte % 95))).join('')
    case 'empty':
      return new Uint8Array(0)
    case 'valid':
      return sample
    case 'hugeLength': {
      // A sync message or awareness update whose length prefix promises up to 2^53 bytes that never come.
      const declared = prng.next() < 0.5 ? 0xffffffff : Number.MAX_SAFE_INTEGER - prng.int(1000)
      return frame((e) => {
        encoding.writeVarUint(e, prng.pick([MessageType.sync, MessageType.awareness]))
        if (prng.next() < 0.5) encoding.writeVarUint(e, prng.int(3))
        encoding.writeVarUint(e, declared)
        encoding.writeUint8Array(e, prng.bytes(prng.int(32)))
      })
    }
    case 'hugeCount':
      // An awareness update announcing millions of entries, or a state vector of millions of clients.
      return prng.next() < 0.5
        ? frame((e) => {
            encoding.writeVarUint(e, MessageType.awareness)
            const update = encoding.createEncoder()
            encoding.writeVarUint(update, 1 + prng.int(0x7fffffff))
            encoding.writeUint8Array(update, prng.bytes(prng.int(24)))
            encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
          })
        : frame((e) => {
            encoding.writeVarUint(e, MessageType.sync)
            encoding.writeVarUint(e, 0)
            const vector = encoding.createEncoder()
            encoding.writeVarUint(vector, 1 + prng.int(0x7fffffff))
            encoding.writeUint8Array(vector, prng.bytes(prng.int(24)))
            encoding.writeVarUint8Array(e, encoding.toUint8Array(vector))
          })
    case 'oversized':
      return new Uint8Array(OVERSIZED_BYTES)
    case 'presenceFlood':
      // Presence for a few ids of the fuzzer's own (allowed, and stamped) and for ids that may be anyone's.
      return awarenessOf(
        Array.from({ length: 1 + prng.int(4) }, () => ({
          id: prng.next() < 0.7 ? 1 + prng.int(4) : prng.int(0xffffffff),
          clock: prng.int(1_000_000),
          state: prng.next() < 0.1 ? null : { user: { name: 'Somebody Else', color: '#000000' }, cursor: { anchor: prng.int(1000), head: prng.int(1000) } },
        })),
      )
    case 'presenceTooLarge':
      return awarenessOf([{ id: 1, clock: 1 + prng.int(1_000_000), state: { cursor: 'x'.repeat(33 * 1024 + prng.int(1024 * 1024)) } }])
    case 'manyIds':
      return awarenessOf(Array.from({ length: 20_000 }, (_, i) => ({ id: 1_000_000 + i, clock: 1, state: { cursor: null } })))
  }
}
