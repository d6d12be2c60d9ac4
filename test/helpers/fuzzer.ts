import { MessageType } from '../../shared/collabProtocol.js'
import { awarenessFrame } from './frames.js'
import { fuzzFrame, sampleMessages, type FuzzKind } from './fuzzFrames.js'
import { createPrng } from './prng.js'
import { openRawSocket, type RawSocket } from './rawSocket.js'
import type { Credentials } from './testAuth.js'

/** Frames that a connection may send many of and stay open (nothing in them is malformed). */
const HARMLESS: readonly (() => Uint8Array)[] = [
  () => Uint8Array.of(MessageType.queryAwareness),
  () => Uint8Array.of(MessageType.saved),
  () => Uint8Array.of(MessageType.sync, 0, 1, 0), // sync step 1: "send me everything"
]

/** What usually ends a connection: anything malformed, refused or too big. The rare, costly kinds come last. */
const ENDINGS: readonly FuzzKind[] = ['random', 'truncated', 'bitFlipped', 'bitFlipped', 'bitFlipped', 'unknownType', 'text', 'empty', 'hugeLength', 'hugeCount', 'valid']

/** The answer to this (an access notice) is the only one of its kind: once here, the frames before it were read. */
const PROBE = Uint8Array.of(MessageType.access)

export interface FuzzOptions {
  wsUrl: string
  docId: string
  /** The fuzzing account (an editor of the document). */
  auth: Credentials
  seed: number
  /** How many frames to send to open sockets, counted across all the connections. */
  messages: number
  /** Presence client ids of other people in the room: the fuzzer tries to rename, move and remove them. */
  victims: readonly number[]
}

export interface FuzzStats {
  /** Frames sent while their socket was open (each connection's frames are read in order until it is closed). */
  messages: number
  connections: number
  /** How the server ended connections, by close code. */
  closes: Map<number, number>
  /** Close codes of connections whose last frame was an oversized one (the client may see 1006: its write failed). */
  oversizedCloses: Map<number, number>
  byKind: Map<string, number>
}

const count = (map: Map<number | string, number>, key: number | string) => map.set(key, (map.get(key) ?? 0) + 1)

/**
 * An editor's connection that sends malformed, oversized and flooding frames until `messages` were sent, every
 * frame chosen by the seed alone: per connection a run of harmless frames and presence floods, then one that
 * usually gets it closed. A closed connection is replaced by a new one, and the count carries on.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzStats> {
  const prng = createPrng(options.seed)
  const samples = sampleMessages()
  const stats: FuzzStats = { messages: 0, connections: 0, closes: new Map(), oversizedCloses: new Map(), byKind: new Map() }
  let socket: RawSocket | null = null
  let lastKind = ''
  const send = (frame: Uint8Array | string, kind: string): void => {
    if (socket?.ws.readyState !== socket?.ws.OPEN) return
    socket!.ws.send(frame)
    stats.messages++
    count(stats.byKind as Map<string, number>, kind)
    lastKind = kind
  }
  while (stats.messages < options.messages) {
    if (!socket || socket.ws.readyState !== socket.ws.OPEN) {
      if (socket) {
        const { code } = await socket.closed
        count(lastKind === 'oversized' ? stats.oversizedCloses : stats.closes, code)
      }
      socket = openRawSocket(options.wsUrl, options.docId, { auth: options.auth })
      await socket.opened
      stats.connections++
    }
    // Now and then a flood past the message burst (5,000 by default): the token bucket's turn to close it.
    const flood = prng.next() < 0.01
    for (let harmless = flood ? 5_100 : prng.int(40); harmless > 0; harmless--) {
      // Presence changes of its own spend the account's presence budget (60 a second): a few of them, so that
      // running out of it is one way among others for a connection to end.
      const pick = flood ? 1 : prng.next()
      if (pick < 0.02) send(fuzzFrame('presenceFlood', samples, prng), 'presenceFlood')
      else if (pick < 0.12 && options.victims.length > 0) {
        const state = prng.next() < 0.3 ? null : { user: { name: 'Not Really You', color: '#000000' }, cursor: { anchor: 0, head: prng.int(1000) } }
        send(awarenessFrame([{ clientId: prng.pick(options.victims), clock: 1 + prng.int(1_000_000_000), state }]), 'foreignPresence')
      } else send(prng.pick(HARMLESS)(), 'harmless')
    }
    // The rare and costly kinds: a 16 MiB frame, a presence state over the limit, 20,000 client ids.
    const roll = prng.next()
    const ending: FuzzKind = roll < 0.002 ? 'oversized' : roll < 0.02 ? 'presenceTooLarge' : roll < 0.03 ? 'manyIds' : prng.pick(ENDINGS)
    send(fuzzFrame(ending, samples, prng), ending)
    if (socket.ws.readyState !== socket.ws.OPEN) continue
    const answered = socket.nextMessage(MessageType.access)
    socket.ws.send(PROBE)
    await Promise.race([socket.closed, answered])
  }
  if (socket) {
    socket.ws.close()
    await socket.closed
  }
  return stats
}
