import type { CloseCodeName } from '../../shared/closeCodes.js'
import type { Storage } from '../storage/Storage.js'
import type { Access } from './access.js'
import type { CollabSocket } from './CollabSocket.js'
import { Connection } from './Connection.js'
import { handleMessage } from './messageHandlers.js'
import { ProtocolError } from './ProtocolError.js'
import { RefusalLog, type RefusalLogOptions } from './RefusalLog.js'
import type { Room } from './Room.js'
import { RoomRegistry } from './RoomRegistry.js'
import { greet } from './greeting.js'

/** What the transport calls for each accepted socket. */
export interface SocketEvents {
  onMessage(data: Uint8Array | string): void
  onClose(): void
}

export interface CollabServerOptions {
  compactAfter?: number
  retryDelayMs?: number
  log?: (message: string, error?: unknown) => void
  /** How many refused connections are logged (the rest are counted). */
  refusalLog?: RefusalLogOptions
}

/**
 * The collaboration server without a transport: it takes accepted sockets, joins them to rooms, and routes
 * their frames. Frames that arrive while a room is still loading wait in order; nothing is sent to a client
 * before its room holds the stored document.
 */
export class CollabServer {
  readonly rooms: RoomRegistry
  /** Where collaboration problems are reported (the HTTP routes that use rooms report theirs here too). */
  readonly log: (message: string, error?: unknown) => void
  private readonly openConnections = new Set<Connection>()
  private readonly refusals: RefusalLog
  private closing = false

  constructor(storage: Storage, options: CollabServerOptions = {}) {
    this.log = options.log ?? ((message, error) => console.error(`[collab] ${message}`, error ?? ''))
    this.refusals = new RefusalLog(this.log, options.refusalLog)
    this.rooms = new RoomRegistry(storage, {
      compactAfter: options.compactAfter ?? 200,
      retryDelayMs: options.retryDelayMs ?? 500,
      log: this.log,
      refuse: (connection, error) => this.reject(connection, error),
    })
  }

  /** Attaches an accepted socket (access already decided) to its document's room. */
  connect(socket: CollabSocket, docId: string, access: Access): SocketEvents {
    const connection = new Connection(socket, docId, access)
    if (this.closing) {
      connection.close('serverShuttingDown')
      return { onMessage: () => {}, onClose: () => {} }
    }
    this.openConnections.add(connection)
    let room: Room | null = null
    const waiting: Uint8Array[] = []

    const process = (frame: Uint8Array): void => {
      if (!room || connection.isClosed) return
      try {
        handleMessage(room, connection, frame)
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
      if (connection.isClosed) {
        void this.rooms.releaseIfIdle(loaded)
        return
      }
      room = loaded
      room.addConnection(connection)
      greet(room, connection)
      for (const frame of waiting.splice(0)) process(frame)
    }
    const refuse = (error: unknown): void => {
      this.log(`loading ${docId} failed`, error)
      connection.close('storageUnavailable')
    }
    this.rooms.acquire(docId).then(join, refuse)

    return {
      onMessage: (data) => {
        if (typeof data === 'string') return this.reject(connection, new ProtocolError('textFrame', 'text frame'))
        if (room) process(data)
        else waiting.push(data)
      },
      onClose: () => {
        connection.markClosed()
        this.openConnections.delete(connection)
        if (!room) return
        room.removeConnection(connection)
        void this.rooms.releaseIfIdle(room)
      },
    }
  }

  /** Closes a connection for what it sent, with one (rate-limited) log line; a stack trace only if unexpected. */
  private reject(connection: Connection, error: unknown): void {
    // Already closed by the server: frames still in flight add nothing to say.
    if (connection.closeReason !== null) return
    const expected = error instanceof ProtocolError
    const code: CloseCodeName = expected ? error.closeCode : 'malformedMessage'
    const detail = error instanceof Error ? error.message : String(error)
    this.refusals.write(`closing connection ${connection.number} to ${connection.docId}: ${code} (${detail})`, expected ? undefined : error)
    connection.close(code)
  }

  /** Closes every connection to one document (for example when it is moved to the trash). */
  disconnectDocument(docId: string, code: CloseCodeName): void {
    for (const connection of this.openConnections) {
      if (connection.docId === docId) connection.close(code)
    }
  }

  get connectionCount(): number {
    return this.openConnections.size
  }

  /** Saves everything and closes every connection (for a graceful shutdown). */
  async close(timeoutMs = 10_000): Promise<void> {
    this.closing = true
    for (const connection of this.openConnections) connection.close('serverShuttingDown')
    await this.rooms.closeAll(timeoutMs)
    this.refusals.flush()
  }
}
