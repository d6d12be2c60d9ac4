import { renderToHTMLString, serializeAttrsToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import type { Node } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { cleanLocator } from '../../shared/citationNode.js'
import { describeCitation, NEWER_VERSION_BADGE } from '../../shared/citationLabel.js'
import { readCitationDisplay, type CitationDisplay } from '../../shared/documentSettings.js'
import { createSchemaExtensions, editorSchema } from '../../shared/editorSchema.js'
import { newerVersionOf } from '../../shared/sources/billVersions.js'
import type { CslItem } from '../../shared/sources/cslTypes.js'
import { readSources } from '../../shared/sources/ySources.js'
import { YLayout } from '../../shared/yLayout.js'
import { escapeHtml } from './escapeHtml.js'

const extensions = createSchemaExtensions()

export interface StatementHtml {
  /** The statement's blocks as HTML, marked up as the editor marks them up (citations with their labels). */
  html: string
  display: CitationDisplay
}

type CitationRenderer = (props: { node: Node }) => string

/** A citation as the editor labels it, from the document's sources as they are now. */
function citationRenderer(doc: Y.Doc): CitationRenderer {
  const sources = readSources(doc)
  const byId = new Map(sources.map((item) => [item.id, item]))
  const newer = new Map<string, CslItem | undefined>()
  const newerOf = (item: CslItem) => {
    if (!newer.has(item.id)) newer.set(item.id, newerVersionOf(sources, item))
    return newer.get(item.id)
  }
  return ({ node }) => {
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
}

/** A copy of a top-level block to render; text directly at the top level is shown as a paragraph (as the export reads it). */
function copyOf(block: Y.XmlElement | Y.XmlText): Y.XmlElement {
  if (block instanceof Y.XmlElement) return block.clone()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [block.clone()])
  return paragraph
}

/** The HTML of each top-level node of `root`, or null if the renderer did not give one per node. */
function renderChildren(root: Node, citation: CitationRenderer): string[] | null {
  let children: unknown = null
  renderToHTMLString({
    content: root,
    extensions,
    options: { nodeMapping: { citation, doc: ({ children: rendered }: { children?: unknown }) => ((children = rendered), '') } },
  })
  const list = Array.isArray(children) ? children : children === null || children === undefined ? [] : [children]
  return list.length === root.childCount && list.every((html) => typeof html === 'string') ? (list as string[]) : null
}

/**
 * Each top-level block as HTML, one string per block ('' for one the schema cannot hold, which the editor
 * drops too). The blocks are copied into a scratch document first: the Yjs → ProseMirror conversion repairs
 * what it cannot read by editing the Yjs types, and the live document must never change by being looked at.
 * All blocks go through one conversion and one rendering; only when a block was dropped are they done one by
 * one, to know which.
 */
function renderBlocks(blocks: readonly (Y.XmlElement | Y.XmlText)[], citation: CitationRenderer): string[] {
  const scratch = new Y.Doc()
  try {
    const convert = (name: string, group: readonly (Y.XmlElement | Y.XmlText)[]) => {
      const fragment = scratch.getXmlFragment(name)
      fragment.insert(0, group.map(copyOf))
      return yXmlFragmentToProseMirrorRootNode(fragment, editorSchema)
    }
    const all = renderChildren(convert('all', blocks), citation)
    if (all && all.length === blocks.length) return all
    return blocks.map((block, index) => renderChildren(convert(`block${index}`, [block]), citation)?.[0] ?? '')
  } finally {
    scratch.destroy()
  }
}

// Yjs types are generic over their event type; any of them can hold a block.
type AnyType = Y.AbstractType<any>

/** The top-level block of the statement that holds `type` (or null for the statement itself). */
function topLevelBlock(type: AnyType, fragment: Y.XmlFragment): AnyType | null {
  let current = type
  while (current !== fragment) {
    const parent = current._item?.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent === fragment) return current
    current = parent as AnyType
  }
  return null
}

/**
 * The statement as the editor will show it, rendered on the server so the page shows the text before its
 * scripts have run, kept up to date block by block: an edit re-renders only the block it changed, and a change
 * of sources (labels, newer versions) re-renders every block. Everything typed is escaped by the renderer;
 * links keep only the schema's safe URLs.
 */
export class StatementRenderer {
  private rendered = new WeakMap<AnyType, string>()
  private readonly fragment: Y.XmlFragment
  /** How many blocks the last `render()` had to render (the others were unchanged). */
  lastRenderedBlocks = 0

  constructor(private readonly doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(YLayout.richTextFragment)
    this.fragment.observeDeep((events) => {
      for (const event of events) {
        const block = topLevelBlock(event.target, this.fragment)
        if (block) this.rendered.delete(block)
      }
    })
    doc.getMap(YLayout.sources).observeDeep(() => (this.rendered = new WeakMap()))
  }

  render(): StatementHtml {
    const blocks = this.fragment.toArray().filter((block): block is Y.XmlElement | Y.XmlText => block instanceof Y.XmlElement || block instanceof Y.XmlText)
    const stale = blocks.filter((block) => !this.rendered.has(block))
    if (stale.length > 0) {
      const html = renderBlocks(stale, citationRenderer(this.doc))
      stale.forEach((block, index) => this.rendered.set(block, html[index]!))
    }
    this.lastRenderedBlocks = stale.length
    return { html: blocks.map((block) => this.rendered.get(block)!).join(''), display: readCitationDisplay(this.doc) }
  }
}

/** The statement of `doc` rendered once, from scratch. */
export function renderStatementHtml(doc: Y.Doc): StatementHtml {
  return new StatementRenderer(doc).render()
}
