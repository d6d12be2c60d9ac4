import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * What processes holding the same room tell each other over the relay (one channel per document). Every message
 * names its sender (a process id, new at each start) and carries the sender's next sequence number for that
 * room, so a receiver that sees a number skipped knows it missed something and resyncs.
 */
export type RelayMessage =
  /** An edit made on the sender's side (by its clients or its HTTP API). */
  | { kind: 'update'; from: string; seq: number; update: Uint8Array }
  /** Presence changes of the sender's clients. */
  | { kind: 'awareness'; from: string; seq: number; update: Uint8Array }
  /** "I (re)joined or missed something: here is what I hold." Every peer answers with a `reply`. */
  | { kind: 'hello'; from: string; seq: number; stateVector: Uint8Array }
  /** The answer to `to`'s hello: what `to` lacked, and what the sender holds (so `to` can send back what the sender lacks). */
  | { kind: 'reply'; from: string; seq: number; to: string; update: Uint8Array; stateVector: Uint8Array }

const KIND_CODES = { update: 0, awareness: 1, hello: 2, reply: 3 } as const

export function encodeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, KIND_CODES[message.kind])
  encoding.writeVarString(encoder, message.from)
  encoding.writeVarUint(encoder, message.seq)
  switch (message.kind) {
    case 'update':
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'hello':
      encoding.writeVarUint8Array(encoder, message.stateVector)
      break
    case 'reply':
      encoding.writeVarString(encoder, message.to)
      encoding.writeVarUint8Array(encoder, message.update)
      encoding.writeVarUint8Array(encoder, message.stateVector)
      break
  }
  return encoding.toUint8Array(encoder)
}

/** Decodes a relay message; throws on anything else (the channel is ours, so that is a bug worth a log line). */
export function decodeRelayMessage(bytes: Uint8Array): RelayMessage {
  const decoder = decoding.createDecoder(bytes)
  const code = decoding.readVarUint(decoder)
  const from = decoding.readVarString(decoder)
  const seq = decoding.readVarUint(decoder)
  switch (code) {
    case KIND_CODES.update:
      return { kind: 'update', from, seq, update: decoding.readVarUint8Array(decoder) }
    case KIND_CODES.awareness:
      return { kind: 'awareness', from, seq, update: decoding.readVarUint8Array(decoder) }
    case KIND_CODES.hello:
      return { kind: 'hello', from, seq, stateVector: decoding.readVarUint8Array(decoder) }
    case KIND_CODES.reply: {
      const to = decoding.readVarString(decoder)
      const update = decoding.readVarUint8Array(decoder)
      return { kind: 'reply', from, seq, to, update, stateVector: decoding.readVarUint8Array(decoder) }
    }
    default:
      throw new Error(`unknown relay message kind ${code}`)
  }
}
