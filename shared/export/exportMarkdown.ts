import type { Node } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from '../editorSchema.js'
import type { CslItem } from '../sources/cslTypes.js'
import { formatReadingEntry, noteToPlainText } from '../sources/notes.js'
import { readSources } from '../sources/ySources.js'
import { YLayout } from '../yLayout.js'
import { escapePandocMetadata } from './escape.js'
import { frontMatterBlock, type FrontMatterEntry } from './frontMatter.js'
import { exportSerializers } from './markdownSpecs.js'
import { normalizeForExport } from './normalizeDoc.js'
import { noteToMarkdown } from './noteMarkdown.js'
import { NoteCollector } from './NoteCollector.js'
import { PandocCitations } from './PandocCitations.js'
import { citationKey, pandocKeys, pandocReference } from './pandocReferences.js'

import type { ExportStyle, FurtherReading } from './exportOptions.js'

export type { ExportStyle, FurtherReading } from './exportOptions.js'
export { EXPORT_STYLES, FURTHER_READING_OPTIONS } from './exportOptions.js'

export const FURTHER_READING_HEADING = 'Further Reading'

export interface ExportOptions {
  /** @default 'notes' */
  style?: ExportStyle
  /** 'all' adds the sources in the sidebar that are not cited. @default 'cited' */
  furtherReading?: FurtherReading
  /** YAML front matter with these fields; false for none (pandoc style still writes its references). @default false */
  frontMatter?: { title?: string; date?: string } | false
  /** Markdown placed after the statement and its Further Reading (notes: before the note texts), e.g. an adoption note. */
  closingSection?: string
}

/**
 * The statement as a ProseMirror document, read the way the editor reads it (not yet checked against the
 * schema: renderMarkdown does that). y-tiptap deletes Y items it cannot turn into nodes, so it reads a copy:
 * exporting never edits the live document.
 */
export function readStatement(doc: Y.Doc): Node {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const fragment = copy.getXmlFragment(YLayout.richTextFragment)
  wrapRootText(fragment)
  const root = yXmlFragmentToProseMirrorRootNode(fragment, editorSchema)
  copy.destroy()
  return root
}

/** y-tiptap throws on text directly in the fragment (only elements belong there): put it in paragraphs. */
function wrapRootText(fragment: Y.XmlFragment): void {
  fragment.doc!.transact(() => {
    fragment.toArray().forEach((child, index) => {
      if (!(child instanceof Y.XmlText)) return
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      text.applyDelta(child.toDelta())
      paragraph.insert(0, [text])
      fragment.delete(index, 1)
      fragment.insert(index, [paragraph])
    })
  })
}

/** Cited sources in order of first citation, then (for 'all') the others alphabetically by entry. */
function readingList(sources: readonly CslItem[], citedIds: readonly string[], which: FurtherReading): CslItem[] {
  if (which === 'none') return []
  const byId = new Map(sources.map((item) => [item.id, item]))
  const cited = citedIds.map((id) => byId.get(id)!)
  if (which !== 'all') return cited
  const citedSet = new Set(citedIds)
  const entryText = (item: CslItem) => noteToPlainText(formatReadingEntry(item))
  const uncited = sources.filter((item) => !citedSet.has(item.id)).sort((a, b) => entryText(a).localeCompare(entryText(b), 'en'))
  return [...cited, ...uncited]
}

function renderNotes(doc: Node, sources: readonly CslItem[], options: ExportOptions): string[] {
  const notes = new NoteCollector(new Map(sources.map((item) => [item.id, item])))
  const body = exportSerializers.gfm.render(doc, { dialect: 'gfm', citations: notes.cite })
  const reading = readingList(sources, notes.citedIds, options.furtherReading ?? 'cited')
  const { title, date } = options.frontMatter || {}
  return [
    frontMatterBlock([
      ['title', title],
      ['date', date],
    ]),
    body,
    reading.length > 0 ? `## ${FURTHER_READING_HEADING}` : '',
    ...reading.map((item) => noteToMarkdown(formatReadingEntry(item), 'gfm')),
    options.closingSection ?? '',
    ...notes.definitions,
  ]
}

function renderPandoc(doc: Node, sources: readonly CslItem[], options: ExportOptions): string[] {
  const keys = pandocKeys(sources)
  const citations = new PandocCitations(new Map(sources.map((item) => [item.id, item])), keys)
  const body = exportSerializers.pandoc.render(doc, { dialect: 'pandoc', citations: citations.cite })
  const which = options.furtherReading ?? 'cited'
  const listed = readingList(sources, citations.citedIds, which === 'none' ? 'cited' : which)
  const cited = new Set(citations.citedIds)
  const uncited = listed.filter((item) => !cited.has(item.id))
  const { title, date } = options.frontMatter || {}
  const entries: FrontMatterEntry[] = [
    // Pandoc reads metadata strings as markdown.
    ['title', title === undefined ? undefined : escapePandocMetadata(title)],
    ['date', date === undefined ? undefined : escapePandocMetadata(date)],
    ['reference-section-title', which === 'none' || listed.length === 0 ? undefined : FURTHER_READING_HEADING],
    ['suppress-bibliography', which === 'none' ? true : undefined],
    ['nocite', uncited.length > 0 ? uncited.map((item) => citationKey(keys.get(item.id)!)).join(', ') : undefined],
    ['references', listed.length > 0 ? listed.map((item) => pandocReference(item, keys.get(item.id)!)) : undefined],
  ]
  return [frontMatterBlock(entries), body, options.closingSection ?? '']
}

/** Markdown for a statement given as a ProseMirror document and its sources (see exportMarkdown). */
export function renderMarkdown(doc: Node, sources: readonly CslItem[], options: ExportOptions = {}): string {
  const normalized = normalizeForExport(doc)
  const blocks = options.style === 'pandoc' ? renderPandoc(normalized, sources, options) : renderNotes(normalized, sources, options)
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

/**
 * A statement (Y.Doc: fragment `default`, map `sources`) as GitHub-flavoured markdown: notes style gives
 * numbered Chicago footnotes and a Further Reading section; pandoc style gives `[@id]` citations and
 * CSL-JSON references for `pandoc --citeproc`.
 */
export function exportMarkdown(doc: Y.Doc, options: ExportOptions = {}): string {
  return renderMarkdown(readStatement(doc), readSources(doc), options)
}
