import * as Y from 'yjs'
import type { LogFunction } from '../ops/logger.js'
import type { Storage } from '../storage/Storage.js'
import type { VersionAuthor, VersionKind, VersionRecord } from '../storage/VersionStore.js'

/** When automatic versions are taken (see RoomHistory). */
export interface AutoVersionOptions {
  /** A version this long after the last edit (a pause in editing). */
  idleMs: number
  /** While people keep typing, a version at least this long after the first edit not in a version yet. */
  maxIntervalMs: number
}

export const DEFAULT_AUTO_VERSIONS: AutoVersionOptions = { idleMs: 2 * 60_000, maxIntervalMs: 10 * 60_000 }

/** What a person asks for when they name, restore or propose (automatic versions ask for nothing). */
export interface VersionRequest {
  kind: Exclude<VersionKind, 'proposed'>
  name: string | null
  createdBy: VersionAuthor | null
  restoredFrom: number | null
  /** Store nothing when the document is exactly as in the latest version (automatic versions). */
  skipIfUnchanged: boolean
}

/**
 * The version history of one live document, kept by the process holding its room: who has written since the
 * last version, and the automatic versions (after a pause, at most every few minutes while people type, and
 * when the room is unloaded). A version stores the whole document as a Yjs state update and its snapshot; an
 * automatic one is skipped when the latest version's snapshot is the same (another process holding the same
 * document may have taken it a moment before: storage compares the two inside one transaction).
 */
export class RoomHistory {
  private readonly editors = new Map<string, VersionAuthor>()
  /** Edits were made here since the last version this room took. */
  private dirty = false
  private idleTimer: NodeJS.Timeout | null = null
  private intervalTimer: NodeJS.Timeout | null = null
  /** Versions are taken one after another, so each is compared with the one before. */
  private queue: Promise<unknown> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly docId: string,
    private readonly doc: () => Y.Doc,
    private readonly storage: Storage,
    private readonly options: AutoVersionOptions,
    private readonly log: LogFunction,
  ) {}

  /** Called for every edit made through this process (its clients' and its API's), with the accounts that made it. */
  noteEdit(authors: readonly VersionAuthor[]): void {
    if (this.stopped) return
    for (const author of authors) this.editors.set(author.userId, author)
    this.dirty = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(this.takeAutomatic, this.options.idleMs)
    this.idleTimer.unref()
    if (!this.intervalTimer) {
      this.intervalTimer = setTimeout(this.takeAutomatic, this.options.maxIntervalMs)
      this.intervalTimer.unref()
    }
  }

  /** Whether edits were made here that no version taken here holds yet. */
  get hasUntakenEdits(): boolean {
    return this.dirty
  }

  /** Resolves once the versions asked for so far are written (or failed). */
  settled(): Promise<void> {
    return this.queue.then(() => {})
  }

  /** Takes the automatic version that is due, if any edit is not in a version yet (before the room is unloaded). */
  async takePending(): Promise<void> {
    if (!this.dirty) return
    await this.takeAutomatic()
  }

  private readonly takeAutomatic = async (): Promise<void> => {
    try {
      await this.take({ kind: 'auto', name: null, createdBy: null, restoredFrom: null, skipIfUnchanged: true })
    } catch {
      // Logged by take; the edits stay noted, so the next pause or unload tries again.
    }
  }

  /**
   * Takes a version of the document as it is when its turn comes: named, restored or automatic. Resolves with
   * the stored version, or null when `skipIfUnchanged` found nothing new.
   */
  take(request: VersionRequest): Promise<VersionRecord | null> {
    const run = this.queue.then(() => this.write(request))
    this.queue = run.catch(() => {})
    return run
  }

  /**
   * Restores an earlier version as a new edit, in one turn of the history (no automatic version can come between):
   * the text as it is now is kept first, as an automatic version (unless the latest version already holds it);
   * then `apply` writes the old content into the live document (synchronously), and the result is taken as a
   * `restore` version. Nothing is rewritten: the restore is one more version.
   */
  restore(apply: () => void, by: VersionAuthor, restoredFrom: number): Promise<{ before: VersionRecord | null; version: VersionRecord }> {
    const run = this.queue.then(async () => {
      const before = await this.write({ kind: 'auto', name: null, createdBy: null, restoredFrom: null, skipIfUnchanged: true })
      apply()
      this.editors.set(by.userId, by)
      const version = await this.write({ kind: 'restore', name: null, createdBy: by, restoredFrom, skipIfUnchanged: false })
      return { before, version: version! }
    })
    this.queue = run.catch(() => {})
    return run
  }

  private async write(request: VersionRequest): Promise<VersionRecord | null> {
    this.clearTimers()
    const doc = this.doc()
    const state = Y.encodeStateAsUpdate(doc)
    const snapshot = Y.encodeSnapshot(Y.snapshot(doc))
    const editors = [...this.editors.values()]
    this.editors.clear()
    this.dirty = false
    try {
      const record = await this.storage.getDocument(this.docId)
      const skipIf = request.skipIfUnchanged ? (latest: Uint8Array) => Y.equalSnapshots(Y.decodeSnapshot(latest), Y.decodeSnapshot(snapshot)) : undefined
      const version = { ...request, title: record?.title ?? '', now: Date.now(), editors, state, snapshot }
      return await this.storage.versions.create(this.docId, version, skipIf)
    } catch (error) {
      // Not lost: the same edits are still in the document, and their authors are noted again.
      for (const author of editors) if (!this.editors.has(author.userId)) this.editors.set(author.userId, author)
      this.dirty = true
      this.log(`taking a version of ${this.docId} failed`, error, { event: 'version.failed', docId: this.docId, kind: request.kind })
      throw error
    }
  }

  private clearTimers(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (this.intervalTimer) clearTimeout(this.intervalTimer)
    this.idleTimer = this.intervalTimer = null
  }

  /** The room is unloaded: no more automatic versions. */
  stop(): void {
    this.stopped = true
    this.clearTimers()
  }
}
