import * as Y from 'yjs'
import { LOAD_ORIGIN } from './origins.js'

/**
 * A room's Y.Doc, filled from storage only when something needs its content, plus the encoded whole document,
 * kept until the next change. A client that joins with nothing (a fresh browser, a new colleague) is answered
 * with the stored bytes as they are: after a restart it gets the full document without waiting for the server
 * to decode it first, and the server decodes it while the client does.
 */
export class StoredState {
  private pending: Uint8Array[] | null
  private snapshotAtLoad: Y.Snapshot | null = null
  private stateVector: Uint8Array | null = null
  /** `Y.encodeStateAsUpdate(doc)`, valid until the document changes. */
  private wholeDocument: Uint8Array | null = null
  /** Sizes of the stored log's entries, oldest first, as loaded. */
  readonly entrySizes: number[]

  constructor(
    private readonly ydoc: Y.Doc,
    storedUpdates: Uint8Array[],
  ) {
    this.entrySizes = storedUpdates.map((update) => update.length)
    // A single entry (a compacted log) can be served as it is; a longer log is merged by loading it now.
    this.pending = storedUpdates.length > 0 ? storedUpdates : null
    if (storedUpdates.length === 1) this.wholeDocument = storedUpdates[0]!
    else this.load()
  }

  /** The document, loaded from storage first if it was not yet. */
  get doc(): Y.Doc {
    this.load()
    return this.ydoc
  }

  /** What storage held when the room was loaded (taken right after loading, before any change). */
  get loadedSnapshot(): Y.Snapshot {
    this.load()
    return this.snapshotAtLoad!
  }

  get isLoaded(): boolean {
    return this.pending === null
  }

  private load(): void {
    const updates = this.pending
    if (updates) {
      this.pending = null
      Y.transact(this.ydoc, () => {
        for (const update of updates) Y.applyUpdate(this.ydoc, update, LOAD_ORIGIN)
      }, LOAD_ORIGIN)
    }
    // Nothing can change the document before it is loaded, so this is exactly the stored state.
    this.snapshotAtLoad ??= Y.snapshot(this.ydoc)
  }

  /** Call on every change of the document: the cached encodings no longer describe it. */
  invalidate(): void {
    this.stateVector = null
    this.wholeDocument = null
  }

  /** The document's state vector (sync step 1), from the stored bytes while the document is not loaded. */
  encodeStateVector(): Uint8Array {
    this.stateVector ??= this.isLoaded ? Y.encodeStateVector(this.ydoc) : Y.encodeStateVectorFromUpdate(this.wholeDocument!)
    return this.stateVector
  }

  /** What a client whose state vector is `remoteStateVector` is missing (sync step 2). */
  encodeMissing(remoteStateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(remoteStateVector)) {
      this.wholeDocument ??= Y.encodeStateAsUpdate(this.ydoc)
      return this.wholeDocument
    }
    return Y.encodeStateAsUpdate(this.doc, remoteStateVector)
  }
}

/** An encoded state vector with no clients: a single zero (a malformed one is left to Yjs to refuse). */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0
