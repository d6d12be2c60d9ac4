import type { Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { formatInlineLabel } from '../../shared/sources/labels.js'
import { formatFullReferenceRuns } from '../../shared/sources/notes.js'
import { noteRunsToNodes } from './noteRunsDom.js'
import { isHttpUrl } from '../../shared/sources/urls.js'
import type { SourcesStore } from '../sources/SourcesStore.js'

interface PopoverTarget {
  editor: Editor
  store: SourcesStore
  getPos: () => number | undefined
  node: () => ProseMirrorNode
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  created.className = className
  if (text !== undefined) created.textContent = text
  return created
}

/**
 * The one popover that shows a citation's full reference (only one is ever open). Built from text nodes
 * only, so nothing in a source can inject markup; its link opens in a new tab without access to this page.
 */
class CitationPopover {
  private panel: HTMLElement | null = null
  private anchor: HTMLElement | null = null
  private closeTimer: ReturnType<typeof setTimeout> | null = null

  open(anchor: HTMLElement, target: PopoverTarget, focusInside = false): void {
    this.cancelClose()
    this.anchor = anchor
    const panel = this.ensurePanel()
    panel.replaceChildren(...this.content(target))
    panel.hidden = false
    const rect = anchor.getBoundingClientRect()
    const width = Math.min(360, window.innerWidth - 16)
    panel.style.width = `${width}px`
    panel.style.left = `${Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`
    panel.style.top = `${rect.bottom + window.scrollY + 6}px`
    if (focusInside) panel.querySelector<HTMLElement>('a, button')?.focus()
    document.addEventListener('pointerdown', this.onPointerDownOutside, true)
  }

  /** A touch screen has no mouseleave to close it: a tap (or click) anywhere else does. */
  private readonly onPointerDownOutside = (event: PointerEvent): void => {
    const target = event.target as Node | null
    if (this.panel?.contains(target) || this.anchor?.contains(target)) return
    this.close()
  }

  private content({ editor, store, getPos, node }: PopoverTarget): Node[] {
    const { sourceId, locator } = node().attrs as { sourceId: string | null; locator: string | null }
    const item = store.get(sourceId)
    if (!store.loaded) return [element('p', 'popover-text', 'Loading the source…')]
    if (!item) {
      return [
        element('p', 'popover-title', 'Missing source'),
        element('p', 'popover-text', 'The source this citation pointed to was deleted from the document. Remove the citation or cite another source.'),
        this.removeButton(editor, getPos),
      ]
    }
    // The same full reference as the exported notes (`notes.ts`), with its italics.
    const reference = element('p', 'popover-text')
    reference.append(...noteRunsToNodes(formatFullReferenceRuns(item)))
    const parts: Node[] = [reference]
    if (locator) parts.push(element('p', 'popover-locator', `Pinpoint: ${locator}`))
    // A bill's status is not part of its citation, but worth knowing when checking it.
    const status = item.custom?.status?.trim()
    if (status) parts.push(element('p', 'popover-locator', `Status: ${status}`))
    if (item.URL && isHttpUrl(item.URL)) {
      const link = element('a', 'popover-link', 'Open source')
      link.href = item.URL
      link.target = '_blank'
      link.rel = 'noopener noreferrer'
      parts.push(link)
    }
    const newer = store.newerVersion(sourceId)
    if (newer) {
      const box = element('div', 'popover-newer')
      box.append(element('p', 'popover-text', `A newer version is in the sources: ${formatInlineLabel(newer)}.`))
      const repin = element('button', 'primary', 'Re-pin to the latest version')
      repin.type = 'button'
      repin.addEventListener('click', () => {
        const position = getPos()
        if (position !== undefined) editor.chain().focus().updateCitation(position, { sourceId: newer.id }).run()
        this.close()
      })
      box.append(repin)
      parts.push(box)
    }
    parts.push(this.removeButton(editor, getPos))
    return parts
  }

  private removeButton(editor: Editor, getPos: () => number | undefined): HTMLElement {
    const remove = element('button', 'popover-remove', 'Remove citation')
    remove.type = 'button'
    remove.addEventListener('click', () => {
      const position = getPos()
      if (position !== undefined) editor.chain().focus().deleteRange({ from: position, to: position + 1 }).run()
      this.close()
    })
    return remove
  }

  private ensurePanel(): HTMLElement {
    if (this.panel) return this.panel
    const panel = element('div', 'citation-popover')
    panel.setAttribute('role', 'dialog')
    panel.setAttribute('aria-label', 'Citation details')
    panel.addEventListener('mouseenter', () => this.cancelClose())
    panel.addEventListener('focusin', () => this.cancelClose())
    panel.addEventListener('mouseleave', () => this.closeSoon())
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.anchor?.focus()
        this.close()
      }
    })
    panel.addEventListener('focusout', (event) => {
      if (!panel.contains(event.relatedTarget as Node | null) && event.relatedTarget !== this.anchor) this.closeSoon()
    })
    document.body.append(panel)
    this.panel = panel
    return panel
  }

  closeSoon(): void {
    this.cancelClose()
    this.closeTimer = setTimeout(() => this.close(), 250)
  }

  private cancelClose(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer)
    this.closeTimer = null
  }

  close(): void {
    this.cancelClose()
    if (this.panel) this.panel.hidden = true
    this.anchor = null
    document.removeEventListener('pointerdown', this.onPointerDownOutside, true)
  }

  /** Closes the popover if it belongs to a citation that is going away. */
  detach(anchor: HTMLElement): void {
    if (this.anchor === anchor) this.close()
  }
}

export const citationPopover = new CitationPopover()
