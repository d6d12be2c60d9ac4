import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Editor, NodeViewRendererProps } from '@tiptap/core'
import type { NodeView } from '@tiptap/pm/view'
import { describeCitation, NEWER_VERSION_BADGE } from '../../shared/citationLabel.js'
import type { SourcesStore } from '../sources/SourcesStore.js'
import { citationPopover } from './citationPopover.js'

/**
 * How a citation looks in the editor: a compact label built from the live source (kept current as sources
 * change), a "missing source" state, and a "newer version" badge for superseded bill versions. Hover, a
 * tap or keyboard focus opens a popover with the full reference. Plain DOM, not React: a statement can hold
 * hundreds of citations.
 */
export class CitationNodeView implements NodeView {
  readonly dom: HTMLElement
  private node: ProseMirrorNode
  private readonly unsubscribe: () => void

  constructor(
    props: NodeViewRendererProps,
    private readonly store: SourcesStore,
  ) {
    this.node = props.node
    const editor = props.editor as Editor
    const getPos = props.getPos as () => number | undefined
    this.dom = document.createElement('span')
    this.dom.className = 'citation'
    this.dom.tabIndex = 0
    this.dom.setAttribute('role', 'button')
    this.dom.dataset.citation = ''
    this.render()
    this.unsubscribe = store.subscribe(() => this.render())
    const open = () => citationPopover.open(this.dom, { editor, store, getPos, node: () => this.node })
    this.dom.addEventListener('mouseenter', open)
    this.dom.addEventListener('focus', open)
    // A phone has no hover, and the tap's focus is taken straight away by the editor placing its caret (which
    // would close the popover): the click that ends a tap opens it, and it stays until a tap elsewhere.
    this.dom.addEventListener('click', open)
    this.dom.addEventListener('mouseleave', () => citationPopover.closeSoon())
    this.dom.addEventListener('blur', () => citationPopover.closeSoon())
    this.dom.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') citationPopover.close()
      // Enter moves into the popover, so its link and buttons are reachable by keyboard.
      if (event.key === 'Enter') {
        event.preventDefault()
        citationPopover.open(this.dom, { editor, store, getPos, node: () => this.node }, true)
      }
    })
  }

  private render(): void {
    const { sourceId, locator } = this.node.attrs as { sourceId: string | null; locator: string | null }
    this.dom.dataset.sourceId = sourceId ?? ''
    // Sources are read a moment after the text is shown: until then a neutral placeholder, not "missing".
    this.dom.classList.toggle('citation-loading', !this.store.loaded)
    if (!this.store.loaded) {
      this.dom.textContent = locator ? `…, ${locator}` : '…'
      this.dom.setAttribute('aria-label', 'Citation (its source is loading)')
      return
    }
    const label = describeCitation(this.store.get(sourceId), this.store.newerVersion(sourceId), locator)
    this.dom.classList.toggle('citation-missing', label.missing)
    this.dom.classList.toggle('citation-outdated', label.outdated)
    this.dom.replaceChildren(document.createTextNode(label.text))
    if (label.outdated) {
      const badge = document.createElement('span')
      badge.className = 'citation-badge'
      badge.textContent = NEWER_VERSION_BADGE
      this.dom.append(badge)
    }
    this.dom.setAttribute('aria-label', label.ariaLabel)
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false
    // The sync binding rebuilds every node of the document on each remote change: redraw only when what is
    // shown (source and pinpoint) changed, else every keystroke of a collaborator redraws all 500 citations.
    const same = node.attrs.sourceId === this.node.attrs.sourceId && node.attrs.locator === this.node.attrs.locator
    this.node = node
    if (!same) this.render()
    return true
  }

  /** The label is ours, not ProseMirror's: it must not try to parse it back. */
  ignoreMutation(): boolean {
    return true
  }

  stopEvent(event: Event): boolean {
    return event.type === 'keydown' && ['Escape', 'Enter'].includes((event as KeyboardEvent).key)
  }

  destroy(): void {
    this.unsubscribe()
    citationPopover.detach(this.dom)
  }
}
