import type { Editor } from '@tiptap/core'
import { useLayoutEffect, type RefObject } from 'react'

/** Space between two cards in the margin, in pixels. */
const GAP = 10

export interface MarginItem {
  key: string
  /** Where its passage starts in the text, or null (a detached thread: it follows the others). */
  from: number | null
}

/**
 * Puts each card of the margin (`[data-margin-key]` inside `track`) level with its passage, as high as it can go
 * without covering the card above. Runs after every render, and again when the text or a card changes size.
 */
export function useMarginLayout(track: RefObject<HTMLElement | null>, editor: Editor, items: readonly MarginItem[], enabled: boolean): void {
  useLayoutEffect(() => {
    const element = track.current
    if (!enabled || !element) return
    const layout = () => {
      const base = element.getBoundingClientRect().top
      let next = 0
      for (const { key, from } of items) {
        const slot = element.querySelector<HTMLElement>(`[data-margin-key="${CSS.escape(key)}"]`)
        if (!slot) continue
        let wanted = next
        if (from !== null) {
          try {
            wanted = editor.view.coordsAtPos(from).top - base
          } catch {
            // A position the view cannot measure this instant (mid-update): the card follows the one above.
          }
        }
        const top = Math.max(wanted, next)
        slot.style.top = `${Math.round(top)}px`
        next = top + slot.offsetHeight + GAP
      }
      element.style.minHeight = `${Math.ceil(next)}px`
    }
    layout()
    const observer = new ResizeObserver(layout)
    observer.observe(editor.view.dom)
    for (const slot of element.querySelectorAll('[data-margin-key]')) observer.observe(slot)
    window.addEventListener('resize', layout)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', layout)
    }
  })
}
