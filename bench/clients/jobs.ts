import type { TargetRef } from './connect.js'

/** What the orchestrator asks a client worker to do (sent over IPC). */
export type Job =
  | {
      kind: 'fanout'
      target: TargetRef
      room: string
      clients: number
      typers: number
      intervalMs: number
      durationMs: number
      drainMs: number
      /** Caucus only: the typers subscribe to "saved" acks and time edit → ack. */
      savedAcks: boolean
    }
  | {
      /** Receivers only, for load made by typers in another process; they count markers until told to stop. */
      kind: 'receivers'
      target: TargetRef
      room: string
      clients: number
      /** Writer ids below this are the measured typers (above: warm-up markers). */
      typers: number
      timeoutMs: number
    }
  | { kind: 'manyRooms'; target: TargetRef; rooms: string[]; clientsPerRoom: number; concurrency: number; timeoutMs: number }
  | {
      kind: 'throughput'
      target: TargetRef
      room: string
      writers: number
      readers: number
      /** Most updates a writer has sent that the first reader has not yet observed. */
      window: number
      durationMs: number
      drainMs: number
    }
  | { kind: 'coldWrite'; target: TargetRef; room: string; updateFile: string; expectedLength: number; timeoutMs: number }
  | { kind: 'coldRead'; target: TargetRef; room: string; expectedLength: number; timeoutMs: number }

/** Flat figures, so the report can take medians of any of them. */
export type Metrics = Record<string, number>

export type JobReply = { ok: true; metrics: Metrics } | { ok: false; error: string }

/** A receivers worker says `ready` once joined; it is then sent `stop` with how many markers to wait for. */
export type ReceiversReady = { ready: true }
export type ReceiversStop = { stop: true; expectedReceipts: number; drainMs: number }
