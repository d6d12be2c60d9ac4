import type { DocumentRole } from '../../shared/apiTypes.js'
import { encodeAccessMessage } from '../../shared/accessNotice.js'
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.js'
import type { Access, CollabPrincipal } from './access.js'
import type { CollabSocket } from './CollabSocket.js'
import { TokenBucket } from './TokenBucket.js'

/**
 * Sync step 1 asks for everything the client lacks: for a newcomer, the whole document, encoded afresh. A client
 * asks once per connection (y-websocket's optional resync, at most every few seconds): ten at once and one a
 * second after that is far beyond it, and keeps one connection from making the server encode a long document
 * thousands of times a second (the fuzz test found that stalling everyone's edits for seconds).
 */
const SYNC_REQUESTS_PER_SECOND = 1
const SYNC_REQUESTS_BURST = 10

/** A peer that queues more than this without reading is dropped rather than letting memory grow. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024

let nextConnectionNumber = 1

/** One client's socket inside a room: guarded sends, who it is, its access, and the awareness ids it controls. */
export class Connection {
  readonly number = nextConnectionNumber++
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>()
  /** Whether the client asked for "saved" acknowledgements. */
  wantsSavedAcks = false
  /** Whether the client asked to be told its access (and changes to it). */
  wantsAccessNotices = false
  /** The server has not yet sent this client its sync step 1 (see greeting.ts). */
  owesSyncStep1 = false
  /** Updates dropped because the connection may only read (the first one is reported). */
  droppedUpdates = 0
  /** Sync step 1 requests this connection may still make (see SYNC_REQUESTS_PER_SECOND). */
  readonly syncRequests = new TokenBucket(SYNC_REQUESTS_PER_SECOND, SYNC_REQUESTS_BURST)
  private closed = false
  private closedWith: CloseCodeName | null = null
  private currentAccess: Access

  constructor(
    private readonly socket: CollabSocket,
    readonly docId: string,
    access: Access,
    /** The account on the other end, as the server authenticated it. */
    readonly principal: CollabPrincipal,
    /** The person's role on the document, when the access policy says it (told to the client with its access). */
    private currentRole?: DocumentRole,
  ) {
    this.currentAccess = access
  }

  /** What this connection may do now (it changes when the person's role changes). */
  get access(): Access {
    return this.currentAccess
  }

  get role(): DocumentRole | undefined {
    return this.currentRole
  }

  /** Applies a re-checked access and role; a client that subscribed is told of any change. */
  setAccess(access: Access, role?: DocumentRole): void {
    if (access === this.currentAccess && role === this.currentRole) return
    this.currentAccess = access
    this.currentRole = role
    if (this.wantsAccessNotices) this.send(encodeAccessMessage(access, role))
  }

  get isClosed(): boolean {
    return this.closed || !this.socket.isOpen
  }

  /** The code the server closed this connection with (null while open, or when the client closed it). */
  get closeReason(): CloseCodeName | null {
    return this.closedWith
  }

  /** Sends a message unless the socket is gone; closes a peer that stopped reading. */
  send(message: Uint8Array): void {
    if (this.isClosed) return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close('tooSlow')
      return
    }
    this.socket.send(message)
  }

  /** Closes with one of our named close codes; the name is the close reason on the wire. */
  close(code: CloseCodeName): void {
    if (this.closed) return
    this.closed = true
    this.closedWith = code
    this.socket.close(CloseCode[code], code)
  }

  /** Marks the connection closed after the socket closed by itself. */
  markClosed(): void {
    this.closed = true
  }
}
