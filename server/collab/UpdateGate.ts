import type * as Y from 'yjs'
import { MAX_FRAME_BYTES } from '../../shared/collabProtocol.js'
import { checkUpdate, type UpdateVerdict } from '../../shared/schemaCheck/updateCheck.js'
import type { ClientUpdate } from './clientMessages.js'
import type { Connection } from './Connection.js'

/** A client's update and who sent it. */
export interface ReceivedUpdate {
  update: ClientUpdate
  sender: Connection
}

/**
 * Most a connection may have waiting for edits the server has not received. A client's own updates can overtake
 * the edits it made offline (they arrive with its sync step 2, just after); anything beyond this is not that.
 */
const MAX_HELD_UPDATES = 1_000
const MAX_HELD_BYTES = MAX_FRAME_BYTES

export interface UpdateGateActions {
  /** Applies an update that passed (the caller is inside its transaction). */
  apply(received: ReceivedUpdate): void
  /** Closes the sender of an update that was refused; nothing of that update was applied. */
  refuse(sender: Connection, reason: string): void
}

/**
 * Checks each client update against the document's schema right before it would be applied, so it sees the
 * document exactly as the update will find it (including the updates applied before it in the same turn). An
 * update that would put unreadable content in is refused whole; one that depends on edits not yet received is
 * held, not applied, and checked again once something else was applied (Yjs alone would apply it later unchecked).
 */
export class UpdateGate {
  private readonly held = new Map<Connection, { updates: ClientUpdate[]; bytes: number }>()

  constructor(private readonly actions: UpdateGateActions) {}

  /** Checks and applies (or holds, or refuses) each update in order; call inside the turn's transaction. */
  admit(doc: Y.Doc, received: readonly ReceivedUpdate[]): void {
    let applied = false
    for (const entry of received) applied = this.admitOne(doc, entry) || applied
    if (applied && this.held.size > 0) this.retryHeld(doc)
  }

  /** Forgets what a closed connection had waiting: its client still holds it and sends it again on its next sync. */
  forget(connection: Connection): void {
    this.held.delete(connection)
  }

  /** Returns true when the update was applied. */
  private admitOne(doc: Y.Doc, { update, sender }: ReceivedUpdate): boolean {
    // After a refusal the sender's later updates may build on what was refused: none of them is applied.
    if (sender.closeReason === 'updateRejected') return false
    // Lowered to viewer after sending it (or while it was held): a viewer changes nothing.
    if (sender.access !== 'write') return false
    let verdict: UpdateVerdict
    try {
      verdict = checkUpdate(doc, update.structs)
    } catch (error) {
      // Whatever a forged update does to the check, it must not take the turn (and everyone's edits) down with it.
      // Named by kind only: a library's message can quote the content, which is never logged.
      verdict = { kind: 'refused', reason: `the update could not be checked (${error instanceof Error ? error.name : typeof error})` }
    }
    switch (verdict.kind) {
      case 'accepted':
        this.actions.apply({ update, sender })
        return true
      case 'refused':
        this.held.delete(sender)
        this.actions.refuse(sender, verdict.reason)
        return false
      case 'waiting':
        // A sender that has gone sends it again with its next sync.
        if (!sender.isClosed) this.hold(sender, update)
        return false
    }
  }

  private hold(sender: Connection, update: ClientUpdate): void {
    let held = this.held.get(sender)
    if (!held) this.held.set(sender, (held = { updates: [], bytes: 0 }))
    held.updates.push(update)
    held.bytes += update.bytes.length
    if (held.updates.length > MAX_HELD_UPDATES || held.bytes > MAX_HELD_BYTES) {
      this.held.delete(sender)
      this.actions.refuse(sender, `${held.updates.length} updates (${held.bytes} bytes) wait for edits the server never received`)
    }
  }

  /** Checks held updates again, in the order they came, until a round applies nothing more. */
  private retryHeld(doc: Y.Doc): void {
    for (let progress = true; progress; ) {
      progress = false
      for (const [sender, held] of [...this.held]) {
        this.held.delete(sender)
        for (const update of held.updates) progress = this.admitOne(doc, { update, sender }) || progress
      }
    }
  }
}
