import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'

/** How often each source is cited: source id → number of citations. */
export type CitationCounts = ReadonlyMap<string, number>

function countCitations(editor: Editor): Map<string, number> {
  const counts = new Map<string, number>()
  editor.state.doc.descendants((node) => {
    if (node.type.name !== 'citation') return node.isBlock
    const id = node.attrs.sourceId as string | null
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1)
    return false
  })
  return counts
}

function sameCounts(a: CitationCounts, b: CitationCounts): boolean {
  if (a.size !== b.size) return false
  for (const [id, count] of a) if (b.get(id) !== count) return false
  return true
}

/** Where the `n`-th citation (from 0, reading order) of a source is now, or null if there is none. */
export function findCitation(editor: Editor, sourceId: string, n: number): number | null {
  let seen = 0
  let found: number | null = null
  editor.state.doc.descendants((node, position) => {
    if (found !== null) return false
    if (node.type.name !== 'citation') return node.isBlock
    if (node.attrs.sourceId === sourceId && seen++ === n) found = position
    return false
  })
  return found
}

/**
 * The citation counts, recounted (at most every 300 ms) as the document changes. The map keeps its identity
 * while the counts stay the same, so typing never re-renders the sources list; positions are looked up only
 * when someone jumps to a citation (they change with every keystroke before them).
 */
export function useCitationCounts(editor: Editor): CitationCounts {
  const [counts, setCounts] = useState<CitationCounts>(() => countCitations(editor))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const onUpdate = () => {
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        const next = countCitations(editor)
        setCounts((previous) => (sameCounts(previous, next) ? previous : next))
      }, 300)
    }
    editor.on('update', onUpdate)
    return () => {
      editor.off('update', onUpdate)
      if (timer) clearTimeout(timer)
    }
  }, [editor])
  return counts
}
