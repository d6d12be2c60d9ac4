import * as z from 'zod'
import { MAX_TITLE_LENGTH, titleProblem } from './documentTitle.js'
import type { ImportOutcome } from './sources/yImport.js'
import type { CslItem } from './sources/cslTypes.js'

/** A document as the HTTP API describes it. Timestamps are ISO 8601 strings. */
export interface DocumentInfo {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  /** Set when the document is in the trash. */
  deletedAt: string | null
  /** The signed-in person's role on it (every answer of the documents API carries it). */
  role?: DocumentRole
}

/** A person's role on a document: owners share and trash it, editors write and rename, viewers read. */
export type DocumentRole = 'owner' | 'editor' | 'viewer'

/** `GET /api/docs` answer: one page of documents; pass `nextCursor` as `?cursor=` for the next (null: last page). */
export interface DocumentsPage {
  documents: DocumentInfo[]
  nextCursor: string | null
}

/** The one shape of every API error. */
export interface ApiErrorBody {
  error: {
    /** Stable, machine-readable code. */
    code: string
    /** A sentence a person can act on. */
    message: string
    /** Per-field problems, when the request body was invalid (for a list: paths like `[2].URL`). */
    issues?: ApiIssue[]
    /** Per-item problems, when a list (a CSL-JSON import) was refused; `index` counts from 0. */
    items?: ApiItemIssues[]
  }
}

/** One problem with one field of a request body. */
export interface ApiIssue {
  path: string
  message: string
}

/** The problems of one item of a list in a request body. */
export interface ApiItemIssues {
  index: number
  /** The item's own id, when it had one. */
  id?: string
  issues: ApiIssue[]
}

/**
 * `POST /api/docs/:id/sources` answer (201): `ids` are the document's ids of the imported items, in order;
 * an imported id already used by a different source is replaced by a fresh one (`renamed`: old → new); an
 * identical source already present is left as it is (`unchanged`).
 */
export type SourcesImportResult = ImportOutcome

/** `POST /api/sources/lookup`: the item read from a page, not saved anywhere until the person saves it. */
export interface SourceLookupResult {
  item: CslItem
}

export { MAX_TITLE_LENGTH }

// An empty title is allowed: the statement is untitled (shown as "Untitled statement", see documentTitle.ts).
const title = z
  .string({ error: 'Title must be text.' })
  .trim()
  // One rule for the editor and the API: length, hidden characters, nothing but invisible ones.
  .superRefine((value, context) => {
    const problem = titleProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

export const CreateDocumentBody = z.object({ title: title.optional() }).strict()
export const UpdateDocumentBody = z.object({ title }).strict()

export type CreateDocumentInput = z.infer<typeof CreateDocumentBody>
export type UpdateDocumentInput = z.infer<typeof UpdateDocumentBody>
