/**
 * The stored version history of documents (`doc_versions`, `doc_version_votes`), a part of `Storage`.
 * Timestamps are milliseconds since the epoch, as everywhere in storage.
 */

/** How a version came to be. `proposed` is a version frozen for adoption (it was `auto`, `named` or `restore`). */
export type VersionKind = 'auto' | 'named' | 'restore' | 'proposed'

export const VERSION_KINDS: readonly VersionKind[] = ['auto', 'named', 'restore', 'proposed']

/** An account as it was named when it acted (names can change later; the record keeps what was true then). */
export interface VersionAuthor {
  userId: string
  name: string
}

export interface VersionProposal {
  proposedAt: number
  proposedBy: VersionAuthor
  /** SHA-256 (hex) of the version's canonical content (shared/adoption/contentHash.ts). */
  contentHash: string
}

/** A version without its content. */
export interface VersionRecord {
  docId: string
  /** 1, 2, 3… per document, in the order versions were taken. */
  number: number
  name: string | null
  kind: VersionKind
  /** The document's title when the version was taken. */
  title: string
  createdAt: number
  /** Who asked for it (null for an automatic version). */
  createdBy: VersionAuthor | null
  /** The accounts whose connections wrote since the version before (as far as the process that took it saw). */
  editors: VersionAuthor[]
  /** The version whose content a restore brought back. */
  restoredFrom: number | null
  proposal: VersionProposal | null
  /** Size of the stored Yjs state update. */
  stateBytes: number
}

/** What a version holds: the whole document as a Yjs state update, and its Yjs snapshot (state vector + delete set). */
export interface VersionContent {
  state: Uint8Array
  snapshot: Uint8Array
}

export interface NewVersion extends VersionContent {
  name: string | null
  kind: Exclude<VersionKind, 'proposed'>
  title: string
  now: number
  createdBy: VersionAuthor | null
  editors: VersionAuthor[]
  restoredFrom: number | null
}

export type VoteChoice = 'approve' | 'object'

export interface VoteRecord {
  docId: string
  number: number
  voter: VersionAuthor
  vote: VoteChoice
  comment: string | null
  votedAt: number
}

export interface VersionStore {
  /**
   * Adds the document's next version, numbered after its latest, in one transaction. `skipIf` sees the latest
   * version's snapshot inside that transaction (with the document's version history locked): when it returns
   * true nothing is written and the answer is null. Two processes taking the same automatic version therefore
   * store it once.
   */
  create(docId: string, version: NewVersion, skipIf?: (latestSnapshot: Uint8Array) => boolean): Promise<VersionRecord | null>
  /** Versions newest first: at most `limit`, numbered below `before` when given. */
  list(docId: string, options: { limit: number; before?: number }): Promise<VersionRecord[]>
  get(docId: string, number: number): Promise<VersionRecord | undefined>
  content(docId: string, number: number): Promise<VersionContent | undefined>
  /**
   * Freezes a version for adoption (kind `proposed`, with its name and content hash). Undefined when there is no
   * such version or it was already proposed (it is not changed then).
   */
  propose(docId: string, number: number, proposal: VersionProposal & { name: string }): Promise<VersionRecord | undefined>
  /** Records a person's vote on a version, replacing their earlier vote on it. */
  setVote(vote: VoteRecord): Promise<void>
  /** The votes on one version (or on all of a document's versions), oldest first. */
  votes(docId: string, number?: number): Promise<VoteRecord[]>
}
