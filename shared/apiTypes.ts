import { z } from 'zod'

/** A document as the HTTP API describes it. Timestamps are ISO 8601 strings. */
export interface DocumentInfo {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  /** Set when the document is in the trash. */
  deletedAt: string | null
}

/** The one shape of every API error. */
export interface ApiErrorBody {
  error: {
    /** Stable, machine-readable code. */
    code: string
    /** A sentence a person can act on. */
    message: string
    /** Per-field problems, when the request body was invalid. */
    issues?: { path: string; message: string }[]
  }
}

export const MAX_TITLE_LENGTH = 200

const title = z
  .string({ error: 'Title must be text.' })
  .trim()
  .min(1, { error: 'Title cannot be empty.' })
  .max(MAX_TITLE_LENGTH, { error: `Title must be at most ${MAX_TITLE_LENGTH} characters.` })

export const CreateDocumentBody = z.object({ title: title.optional() }).strict()
export const UpdateDocumentBody = z.object({ title }).strict()

export type CreateDocumentInput = z.infer<typeof CreateDocumentBody>
export type UpdateDocumentInput = z.infer<typeof UpdateDocumentBody>
