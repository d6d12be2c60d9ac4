import type { Editor } from '@tiptap/core'
import { CharacterCount } from '@tiptap/extensions'
import { useEffect, useState } from 'react'

/**
 * Counting reads the whole statement: after an edit it waits for a pause this long, so a long statement costs
 * nothing per keystroke.
 */
const RECOUNT_AFTER_MS = 300

/** Word and character counts of the statement's text (citations, which become notes, are not counted). */
export const StatementCharacterCount = CharacterCount.configure({
  // Tiptap's default splits on spaces only; tabs and no-break spaces also separate words.
  wordCounter: (text) => text.split(/\s+/).filter((word) => word !== '').length,
})

const numberFormat = new Intl.NumberFormat()

interface Counts {
  words: number
  characters: number
}

function countsOf(editor: Editor): Counts {
  const storage = editor.storage.characterCount
  return { words: storage.words(), characters: storage.characters() }
}

const plural = (count: number, one: string, many: string) => `${numberFormat.format(count)} ${count === 1 ? one : many}`

/**
 * The statement's length, under the text: statements often have a word or character limit. Plain text, not a
 * live region: a screen reader finds it when it reads on, and is not interrupted by it while the person types.
 */
export function StatementCounts({ editor }: { editor: Editor }) {
  const [counts, setCounts] = useState(() => countsOf(editor))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const recount = () => {
      clearTimeout(timer)
      timer = setTimeout(() => setCounts(countsOf(editor)), RECOUNT_AFTER_MS)
    }
    recount()
    editor.on('update', recount)
    return () => {
      clearTimeout(timer)
      editor.off('update', recount)
    }
  }, [editor])
  return (
    <p className="statement-counts" data-words={counts.words} data-characters={counts.characters}>
      {plural(counts.words, 'word', 'words')} · {plural(counts.characters, 'character', 'characters')}
    </p>
  )
}
