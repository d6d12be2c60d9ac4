import * as z from 'zod'

/**
 * The plain values a comment thread keeps in the Y.Doc (see commentThreads.ts for where), as schemas. Any client
 * can write anything into the document, so every value is read through these: what does not parse is left out,
 * and a thread loses only the part that is unreadable.
 */

/** Longest comment or reply, in characters (a long paragraph; a statement's text belongs in the statement). */
export const MAX_COMMENT_LENGTH = 5_000
/** Longest quote of the commented passage kept with a thread (enough to recognise it once it is gone). */
export const MAX_QUOTE_LENGTH = 500
/** Anchors kept per thread: the newest first, older ones as fallbacks (see commentAnchors.ts). */
export const MAX_ANCHORS = 8

const clientId = z.number().int().nonnegative()
const yId = z.object({ client: clientId, clock: z.number().int().nonnegative() })

/** A Yjs relative position as `Y.relativePositionToJSON` writes it. */
export const RelativePositionJson = z.object({
  type: yId.nullish(),
  tname: z.string().max(100).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().optional(),
})
export type RelativePositionJson = z.infer<typeof RelativePositionJson>

/** Where a thread's passage is: just before its first character and just after its last. */
export const AnchorRecord = z.object({ start: RelativePositionJson, end: RelativePositionJson })
export type AnchorRecord = z.infer<typeof AnchorRecord>

const name = z.string().min(1).max(200)
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/)
/** Epoch milliseconds, within reason (a clock far off is still shown, a value that is not a date is not). */
const time = z.number().finite().min(0).max(8.64e15)

/** Who wrote something: the account's id, and its name and colour when they wrote it. */
export interface CommentAuthor {
  id: string
  name: string
  colour: string
}

export const MessageRecord = z.object({
  id: z.string().min(1).max(100),
  authorId: z.string().min(1).max(200),
  authorName: name,
  authorColour: colour.catch('#57606a'),
  body: z.string().min(1).transform((body) => body.slice(0, MAX_COMMENT_LENGTH)),
  at: time,
})
export type MessageRecord = z.infer<typeof MessageRecord>

export const ResolvedRecord = z.object({ byId: z.string().min(1).max(200), byName: name, at: time })
export type ResolvedRecord = z.infer<typeof ResolvedRecord>

/** A comment or reply as people type it: trimmed, not empty, not too long. Null when it cannot be sent. */
export function cleanCommentBody(text: string): string | null {
  const body = text.trim()
  return body.length > 0 && body.length <= MAX_COMMENT_LENGTH ? body : null
}
