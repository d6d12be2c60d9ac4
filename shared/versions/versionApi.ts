import * as z from 'zod'
import type { CslItem } from '../sources/cslTypes.js'
import type { VersionDiff } from './versionDiff.js'
import { versionNameProblem } from './versionName.js'

/** An account as it was named when it acted. */
export interface PersonRef {
  userId: string
  name: string
}

export type VersionKindName = 'auto' | 'named' | 'restore' | 'proposed'

/** A version as the API describes it (timestamps ISO 8601). */
export interface VersionInfo {
  number: number
  name: string | null
  kind: VersionKindName
  /** The document's title when the version was taken. */
  title: string
  createdAt: string
  createdBy: PersonRef | null
  /** Who wrote since the version before. */
  editors: PersonRef[]
  restoredFrom: number | null
  proposal: { proposedAt: string; proposedBy: PersonRef; contentHash: string; shortHash: string } | null
  /** Bytes the version takes in storage (its Yjs state update). */
  stateBytes: number
}

/** `GET /api/docs/:id/versions`: newest first; pass `nextBefore` as `?before=` for older ones (null: no more). */
export interface VersionsPage {
  versions: VersionInfo[]
  nextBefore: number | null
}

/** `GET /api/docs/:id/versions/:v`: the version read-only, with its sources as they were. */
export interface VersionContentAnswer {
  version: VersionInfo
  /** The statement as ProseMirror JSON (the editor's schema). */
  statement: unknown
  /** Its sources as CSL-JSON, sorted by id (as `GET /api/docs/:id/sources`). */
  sources: CslItem[]
  /** SHA-256 of its canonical content (shared/adoption/contentHash.ts), computed now. */
  contentHash: string
}

/** `GET /api/docs/:id/versions/:a/diff/:b`. */
export interface VersionDiffAnswer extends VersionDiff {
  from: number
  to: number
}

/** `POST /api/docs/:id/versions/:v/restore` (201): the version the restore made, and the one kept of the text before it (null when that text was already a version). */
export interface RestoreAnswer {
  version: VersionInfo
  before: VersionInfo | null
}

export interface VoteInfo {
  voter: PersonRef
  vote: 'approve' | 'object'
  comment: string | null
  votedAt: string
}

/** Where a proposed version stands. */
export interface AdoptionInfo {
  version: number
  name: string
  contentHash: string
  shortHash: string
  proposedAt: string
  proposedBy: PersonRef
  adopted: boolean
  adoptedAt: string | null
  approvals: VoteInfo[]
  objections: VoteInfo[]
}

/**
 * `GET /api/docs/:id/adoption`: the latest proposed version and its votes, and whether the live text is still
 * exactly that version's (`live.matchesProposal`: false once anyone has changed it, so the approvals belong to
 * `adoption.version`, not to the live text).
 */
export interface AdoptionAnswer {
  adoption: AdoptionInfo | null
  live: { contentHash: string; shortHash: string; matchesProposal: boolean | null }
}

const versionName = z
  .string({ error: 'The version name must be text.' })
  .trim()
  .superRefine((value, context) => {
    const problem = versionNameProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

export const MAX_VOTE_COMMENT_LENGTH = 2000

export const CreateVersionBody = z.object({ name: versionName }).strict()
export const ProposeVersionBody = z.object({ name: versionName.optional() }).strict()
export const VoteBody = z
  .object({
    vote: z.enum(['approve', 'object'], { error: 'The vote must be "approve" or "object".' }),
    comment: z
      .string({ error: 'The comment must be text.' })
      .trim()
      .max(MAX_VOTE_COMMENT_LENGTH, `A comment can be at most ${MAX_VOTE_COMMENT_LENGTH} characters.`)
      // Line breaks and tabs are fine in a comment; other control characters and lone surrogates are not.
      // eslint-disable-next-line no-control-regex
      .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value), 'A comment cannot contain control characters or broken characters.')
      .optional(),
  })
  .strict()
