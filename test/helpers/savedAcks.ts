import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { emptySavedState, isDocSaved, subscribeSavedAcks as subscribe, type SavedState } from '../../shared/savedState.js'

export interface SavedAcks {
  /** The latest snapshot the server reported as durably stored (empty before the first ack). */
  savedState(): SavedState
  /** The state vector part of it. */
  savedStateVector(): Map<number, number>
  /** True when every insert and deletion this client's document holds is covered by the last ack. */
  isAllSaved(): boolean
  /** True when the server has stored `clientId`'s edits up to (not including) `clock`. */
  covers(clientId: number, clock: number): boolean
  /** How many acks arrived. */
  readonly ackCount: number
}

/** Subscribes a stock WebsocketProvider to the Caucus "saved" acks, with the same code the browser uses. */
export function subscribeSavedAcks(provider: WebsocketProvider): SavedAcks {
  let saved = emptySavedState()
  let ackCount = 0
  subscribe(provider, (next) => {
    saved = next
    ackCount++
  })
  const covers = (clientId: number, clock: number) => (saved.sv.get(clientId) ?? 0) >= clock
  return {
    savedState: () => saved,
    savedStateVector: () => new Map(saved.sv),
    isAllSaved: () => isDocSaved(provider.doc as Y.Doc, saved),
    covers,
    get ackCount() {
      return ackCount
    },
  }
}
