import type { DocumentRole } from '../../shared/apiTypes.js'
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.js'
import { closeCodeField } from '../ops/closeCodeField.js'
import { createLogger, logFunction, type LogFunction } from '../ops/logger.js'
import type { Storage } from '../storage/Storage.js'
import type { Access, AccessDecision, CollabPrincipal } from './access.js'
import type { CollabSocket } from './CollabSocket.js'
import { Connection } from './Connection.js'
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from './limits.js'
import { handleMessage, type MessageContext } from './messageHandlers.js'
import { ProtocolError } from './ProtocolError.js'
import { RefusalLog, type RefusalLogOptions } from './RefusalLog.js'
import type { Room } from './Room.js'
import { RoomRegistry } from './RoomRegistry.js'
import type { Relay } from './relay/Relay.js'
import { greet } from './greeting.js'
import { TokenBucket } from './TokenBucket.js'
import { DEFAULT_AUTO_VERSIONS, type AutoVersionOptions } from '../versions/RoomHistory.js'

/** How long a shutdown waits for clients to answer its close frame (and so send what they had in flight). */
const SHUTDOWN_DRAIN_MS = 2_000

/** What the transport calls for each accepted socket. */
export interface SocketEvents {
  onMessage(data: Uint8Array | string): void
  /** `code`: the close code the socket reported (the peer's, or 1006 when it vanished). */
  onClose(code?: number): void
}

export interface CollabServerOptions {
  compactAfter?: number
  retryDelayMs?: number
  /** Where problems and events are reported; a JSON logger on standard output by default. */
  log?: LogFunction
  /** How many refused connections are logged (the rest are counted). */
  refusalLog?: RefusalLogOptions
  /** What one connection may send (the rest of DEFAULT_COLLAB_LIMITS for what is left out). */
  limits?: Partial<CollabLimits>
  /**
   * Decides again for an open connection (see AccessPolicy.recheck); without it `recheckAccess` does nothing.
   * `listen.ts` passes the server's policy.
   */
  recheckAccess?: (docId: string, principal: CollabPrincipal) => Promise<AccessDecision>
  /** Links rooms with other processes holding the same documents (see relay/RedisRelay.ts); absent when alone. */
  relay?: Relay
  /** When automatic versions are taken (DEFAULT_AUTO_VERSIONS for what is left out). */
  versions?: Partial<AutoVersionOptions>
}

/** Which open connections to re-check: those to one document, those of one account, or both at once. */
export interface AccessScope {
  docId?: string
  userId?: string
}

/**
 * The collaboration server without a transport: it takes accepted sockets, joins them to rooms, and routes
 * their frames. Frames that arrive while a room is still loading wait in order; nothing is sent to a client
 * before its room holds the stored document.
 */
export class CollabServer {
  readonly rooms: RoomRegistry
  /** Where collaboration problems are reported (the HTTP routes that use rooms report theirs here too). */
  readonly log: LogFunction
  private readonly openConnections = new Set<Connection>()
  private readonly refusals: RefusalLog
  private closing = false
  private readonly recheck: CollabServerOptions['recheckAccess']
  readonly limits: CollabLimits
  private readonly context: MessageContext
  /** The link to other processes, if any (the readiness probe asks whether it is connected). */
  readonly relay: Relay | null

  constructor(storage: Storage, options: CollabServerOptions = {}) {
    this.recheck = options.recheckAccess
    this.relay = options.relay ?? null
    this.log = options.log ?? logFunction(createLogger())
    this.refusals = new RefusalLog(this.log, options.refusalLog)
    this.limits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits }
    this.context = { limits: this.limits, report: (line, fields) => this.refusals.write(line, undefined, fields), spendPresence: (connection) => this.presenceBudget(connection).take() }
    this.rooms = new RoomRegistry(storage, {
      compactAfter: options.compactAfter ?? 200,
      retryDelayMs: options.retryDelayMs ?? 500,
      log: this.log,
      refuse: (connection, error) => this.reject(connection, error),
      relay: options.relay,
      versions: { ...DEFAULT_AUTO_VERSIONS, ...options.versions },
    })
  }

  /** Attaches an accepted socket (access already decided, for this principal) to its document's room. */
  connect(socket: CollabSocket, docId: string, access: Access, principal: CollabPrincipal, role?: DocumentRole): SocketEvents {
    const connection = new Connection(socket, docId, access, principal, role)
    if (this.closing) {
      connection.close('serverShuttingDown')
      return { onMessage: () => {}, onClose: () => {} }
    }
    this.openConnections.add(connection)
    this.log('connection accepted', undefined, { level: 'info', event: 'connection.accepted', docId, connection: connection.number, userId: principal.userId, access })
    let room: Room | null = null
    const waiting: Uint8Array[] = []
    const bucket = new TokenBucket(this.limits.messagesPerSecond, this.limits.messageBurst)
    // During a shutdown the server has sent its close frame, but what the client sent before answering it is
    // still read and applied: those edits were made before the client knew, and must be stored.
    const acceptsFrames = (): boolean => !connection.isClosed || (connection.closeReason === 'serverShuttingDown' && this.openConnections.has(connection))

    const process = (frame: Uint8Array): void => {
      if (!room || !acceptsFrames()) return
      try {
        handleMessage(room, connection, frame, this.context)
      } catch (error) {
        this.reject(connection, error)
      }
    }

    const join = (loaded: Room): void => {
      // The room may have been unloaded between loading and now: a destroyed room saves nothing, so load again.
      if (loaded.isDestroyed) {
        this.rooms.acquire(docId).then(join, refuse)
        return
      }
      if (!acceptsFrames()) {
        void this.rooms.releaseIfIdle(loaded)
        return
      }
      room = loaded
      room.addConnection(connection)
      greet(room, connection)
      for (const frame of waiting.splice(0)) process(frame)
    }
    const refuse = (error: unknown): void => {
      this.log(`loading ${docId} failed`, error, { event: 'room.loadFailed', docId, connection: connection.number })
      connection.close('storageUnavailable')
    }
    this.rooms.acquire(docId).then(join, refuse)

    return {
      onMessage: (data) => {
        if (!acceptsFrames()) return
        // Counted before anything else is done with it, including while the room loads.
        if (!bucket.take()) {
          return this.reject(connection, new ProtocolError('tooManyMessages', `more than ${this.limits.messageBurst} messages at once or ${this.limits.messagesPerSecond} a second`))
        }
        if (typeof data === 'string') return this.reject(connection, new ProtocolError('textFrame', 'text frame'))
        if (room) process(data)
        else waiting.push(data)
      },
      onClose: (code) => {
        connection.markClosed()
        // The server's own code when it closed the connection (the peer's echo of it says nothing more).
        const closedBy = connection.closeReason === null ? 'client' : 'server'
        const closeCode = closeCodeField(connection.closeReason === null ? (code ?? 1005) : CloseCode[connection.closeReason])
        this.log('connection closed', undefined, { level: 'info', event: 'connection.closed', docId, connection: connection.number, closeCode, closedBy })
        this.openConnections.delete(connection)
        if (this.openConnections.size === 0) this.notifyDrained()
        this.forgetPresenceBudget(connection.principal.userId)
        if (!room) return
        room.removeConnection(connection)
        void this.rooms.releaseIfIdle(room)
      },
    }
  }

  /** Each account's presence budget, kept across its connections and reconnections (see CollabLimits). */
  private readonly presenceBuckets = new Map<string, TokenBucket>()

  private presenceBudget(connection: Connection): TokenBucket {
    const userId = connection.principal.userId
    let bucket = this.presenceBuckets.get(userId)
    if (!bucket) this.presenceBuckets.set(userId, (bucket = new TokenBucket(this.limits.presencePerSecond, this.limits.presenceBurst)))
    return bucket
  }

  /** Forgets an account's presence budget once it has no connection left and the budget is whole again. */
  private forgetPresenceBudget(userId: string): void {
    if (this.presenceBuckets.get(userId)?.isFull !== true) return
    for (const connection of this.openConnections) if (connection.principal.userId === userId) return
    this.presenceBuckets.delete(userId)
  }

  /** Closes a connection for what it sent, with one (rate-limited) log line; a stack trace only if unexpected. */
  private reject(connection: Connection, error: unknown): void {
    // Already closed by the server: frames still in flight add nothing to say.
    if (connection.closeReason !== null) return
    const expected = error instanceof ProtocolError
    const code: CloseCodeName = expected ? error.closeCode : 'malformedMessage'
    const detail = error instanceof Error ? error.message : String(error)
    this.refusals.write(`closing connection ${connection.number} to ${connection.docId}: ${code} (${detail})`, expected ? undefined : error, {
      event: 'connection.refused',
      docId: connection.docId,
      connection: connection.number,
      closeCode: closeCodeField(CloseCode[code]),
    })
    connection.close(code)
  }

  /** Closes every connection to one document (for example when it is moved to the trash). */
  disconnectDocument(docId: string, code: CloseCodeName): void {
    for (const connection of this.openConnections) {
      if (connection.docId === docId) connection.close(code)
    }
  }

  /**
   * Decides access again for the open connections in `scope` (all of them when it is empty): a connection
   * that lost access is closed with the policy's code, one whose role changed gets its new access at once.
   * The auth layer calls this whenever members, roles, links, tokens or sign-ins change.
   */
  async recheckAccess(scope: AccessScope = {}): Promise<void> {
    const recheck = this.recheck
    if (!recheck) return
    const scoped = scope.docId !== undefined || scope.userId !== undefined
    const affected = [...this.openConnections].filter(
      (connection) => (scope.docId === undefined || connection.docId === scope.docId) && (scope.userId === undefined || connection.principal.userId === scope.userId),
    )
    await Promise.all(
      affected.map(async (connection) => {
        let decision: AccessDecision
        try {
          decision = await recheck(connection.docId, connection.principal)
        } catch (error) {
          this.log(`re-checking access of connection ${connection.number} to ${connection.docId} failed`, error, { event: 'access.recheckFailed', docId: connection.docId, connection: connection.number })
          // After a change of access (a scoped re-check) fail closed: the client reconnects (a retryable code) and
          // is decided afresh. The periodic re-check of everyone keeps what was decided when storage is down:
          // nothing changed access meanwhile (that takes storage too), and an outage must not cut everyone off.
          if (!scoped) return
          decision = { allow: false, close: 'storageUnavailable' }
        }
        if (connection.isClosed) return
        if (decision.allow) connection.setAccess(decision.access, decision.role)
        else connection.close(decision.close)
      }),
    )
  }

  get connectionCount(): number {
    return this.openConnections.size
  }

  private drainedWaiters: (() => void)[] = []

  private notifyDrained(): void {
    for (const resolve of this.drainedWaiters.splice(0)) resolve()
  }

  /** Resolves once every connection has closed, or after `timeoutMs`. */
  private whenDrained(timeoutMs: number): Promise<void> {
    if (this.openConnections.size === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      this.drainedWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  /**
   * Graceful shutdown: closes every connection with `serverShuttingDown` (a retryable code, so clients reconnect
   * to another process), applies what clients sent before they saw it, then saves every room. Takes at most
   * `timeoutMs` in all; what could not be saved by then is logged.
   */
  async close(timeoutMs = 8_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    this.closing = true
    for (const connection of this.openConnections) connection.close('serverShuttingDown')
    // A client answers our close frame after every frame it sent before, so its answer means nothing is in flight.
    await this.whenDrained(Math.min(SHUTDOWN_DRAIN_MS, timeoutMs / 2))
    // Peers that did not answer in time: nothing more is read from them (their rooms are about to be unloaded).
    this.openConnections.clear()
    await this.rooms.closeAll(Math.max(0, deadline - Date.now()))
    this.refusals.flush()
  }
}
