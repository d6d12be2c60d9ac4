import { renderToHTMLString, serializeAttrsToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import type { Node } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { cleanLocator } from '../../shared/citationNode.js'
import { describeCitation, NEWER_VERSION_BADGE } from '../../shared/citationLabel.js'
import { readCitationDisplay, type CitationDisplay } from '../../shared/documentSettings.js'
import { createSchemaExtensions } from '../../shared/editorSchema.js'
import { readStatement } from '../../shared/export/exportMarkdown.js'
import { newerVersionOf } from '../../shared/sources/billVersions.js'
import type { CslItem } from '../../shared/sources/cslTypes.js'
import { readSources } from '../../shared/sources/ySources.js'
import { escapeHtml } from './escapeHtml.js'

const extensions = createSchemaExtensions()


export interface StatementHtml {
  /** The statement's blocks as HTML, marked up as the editor marks them up (citations with their labels). */
  html: string
  display: CitationDisplay
}

/**
 * The statement as the editor will show it, rendered on the server so the page shows the text before its
 * scripts have run. Everything typed is escaped by the renderer; links keep only the schema's safe URLs.
 */
export function renderStatementHtml(doc: Y.Doc): StatementHtml {
  const sources = readSources(doc)
  const byId = new Map(sources.map((item) => [item.id, item]))
  const newer = new Map<string, CslItem | undefined>()
  const newerOf = (item: CslItem) => {
    if (!newer.has(item.id)) newer.set(item.id, newerVersionOf(sources, item))
    return newer.get(item.id)
  }
  const citation = ({ node }: { node: Node }) => {
    const sourceId = typeof node.attrs.sourceId === 'string' ? node.attrs.sourceId : null
    const item = sourceId === null ? undefined : byId.get(sourceId)
    const label = describeCitation(item, item && newerOf(item), cleanLocator(node.attrs.locator))
    const classes = ['citation', label.missing && 'citation-missing', label.outdated && 'citation-outdated'].filter(Boolean).join(' ')
    // No aria-label with the full reference (it would add a few hundred bytes per citation to the page): the
    // preview is read for a moment, as its visible text; the editor's citations carry the full description.
    const attrs = serializeAttrsToHTMLString({ class: classes, 'data-source-id': sourceId ?? '' })
    const badge = label.outdated ? `<span class="citation-badge">${NEWER_VERSION_BADGE}</span>` : ''
    return `<span${attrs}>${escapeHtml(label.text)}${badge}</span>`
  }
  const html = renderToHTMLString({ content: readStatement(doc), extensions, options: { nodeMapping: { citation } } })
  return { html, display: readCitationDisplay(doc) }
}
