import type { CslItem } from './cslTypes.js'
import { formatFullNote, formatMissingNote, formatShortNote, type NoteText } from './notes.js'

/**
 * Chicago notes in reading order, one per citation: the first note for a source is the full note, later ones
 * the short note; a pinpoint goes into the note that cites it. A different version of a bill is a different
 * source, so it gets a full note of its own. Used by the markdown export and the printed statement.
 */
export class NoteSequence {
  /** Ids of the cited sources that exist, in order of first citation. */
  readonly citedIds: string[] = []
  private readonly cited = new Set<string>()

  constructor(private readonly sources: ReadonlyMap<string, CslItem>) {}

  /** The note for the next citation in reading order. */
  next(sourceId: string | null, locator: string | null): NoteText {
    const source = sourceId === null ? undefined : this.sources.get(sourceId)
    if (!source) return formatMissingNote(sourceId)
    if (this.cited.has(source.id)) return formatShortNote(source, locator)
    this.cited.add(source.id)
    this.citedIds.push(source.id)
    return formatFullNote(source, locator)
  }
}
