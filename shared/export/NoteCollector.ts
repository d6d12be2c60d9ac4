import type { CslItem } from '../sources/cslTypes.js'
import { formatFullNote, formatMissingNote, formatShortNote } from '../sources/notes.js'
import type { BodyContext, CitationRef } from './ExportSerializer.js'
import { noteToMarkdown } from './noteMarkdown.js'

/**
 * Chicago notes: every citation is its own numbered footnote, in reading order. The first note for a source
 * is the full note, later ones the short note; a pinpoint goes into the note that cites it. A different
 * version of a bill is a different source, so it gets a full note of its own.
 */
export class NoteCollector {
  /** Footnote definitions in order, as markdown (`[^1]: …`). */
  readonly definitions: string[] = []
  /** Ids of the cited sources that exist, in order of first citation. */
  readonly citedIds: string[] = []
  private readonly cited = new Set<string>()

  constructor(private readonly sources: ReadonlyMap<string, CslItem>) {}

  /** Footnote references for adjacent citations; records their notes. */
  readonly cite: BodyContext['citations'] = (run) => run.map((citation) => this.note(citation)).join('')

  private note({ sourceId, locator }: CitationRef): string {
    const number = this.definitions.length + 1
    const source = sourceId === null ? undefined : this.sources.get(sourceId)
    let note
    if (!source) note = formatMissingNote(sourceId)
    else if (this.cited.has(source.id)) note = formatShortNote(source, locator)
    else {
      this.cited.add(source.id)
      this.citedIds.push(source.id)
      note = formatFullNote(source, locator)
    }
    this.definitions.push(`[^${number}]: ${noteToMarkdown(note, 'gfm')}`)
    return `[^${number}]`
  }
}
