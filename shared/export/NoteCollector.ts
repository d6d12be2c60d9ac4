import type { CslItem } from '../sources/cslTypes.js'
import { NoteSequence } from '../sources/noteSequence.js'
import type { BodyContext, CitationRef } from './ExportSerializer.js'
import { noteToMarkdown } from './noteMarkdown.js'

/** Chicago notes as GFM footnotes: every citation is its own numbered footnote, in reading order (NoteSequence). */
export class NoteCollector {
  /** Footnote definitions in order, as markdown (`[^1]: …`). */
  readonly definitions: string[] = []
  private readonly notes: NoteSequence

  constructor(sources: ReadonlyMap<string, CslItem>) {
    this.notes = new NoteSequence(sources)
  }

  /** Ids of the cited sources that exist, in order of first citation. */
  get citedIds(): readonly string[] {
    return this.notes.citedIds
  }

  /** Footnote references for adjacent citations; records their notes. */
  readonly cite: BodyContext['citations'] = (run) => run.map((citation) => this.note(citation)).join('')

  private note({ sourceId, locator }: CitationRef): string {
    const number = this.definitions.length + 1
    this.definitions.push(`[^${number}]: ${noteToMarkdown(this.notes.next(sourceId, locator), 'gfm')}`)
    return `[^${number}]`
  }
}
