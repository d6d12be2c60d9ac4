import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'

/** Where each source is cited: source id → document positions of its citations, in reading order. */
export type CitationIndex = Map<string, number[]>

function buildIndex(editor: Editor): CitationIndex {
  const index: CitationIndex = new Map()
  editor.state.doc.descendants((node, position) => {
    if (node.type.name !== 'citation') return true
    const id = node.attrs.sourceId as string | null
    if (id) index.set(id, [...(index.get(id) ?? []), position])
    return false
  })
  return index
}

/** The citation index, rebuilt (at most every 300 ms) as the document changes. */
export function useCitationIndex(editor: Editor): CitationIndex {
  const [index, setIndex] = useState(() => buildIndex(editor))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const onUpdate = () => {
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        setIndex(buildIndex(editor))
      }, 300)
    }
    editor.on('update', onUpdate)
    return () => {
      editor.off('update', onUpdate)
      if (timer) clearTimeout(timer)
    }
  }, [editor])
  return index
}
