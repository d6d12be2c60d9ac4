import type { Schema } from '@tiptap/pm/model'
import { initProseMirrorDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from '../editorSchema.js'
import { YLayout } from '../yLayout.js'
import { resolveThread, type PassageRange } from './commentAnchors.js'
import { readThreads, type CommentThread } from './commentThreads.js'

/** A thread and where its passage is in the text now. */
export interface LocatedThread {
  thread: CommentThread
  /** Null when the passage's words are all gone: the thread is detached (its quote says what it was about). */
  range: PassageRange | null
  /** The passage's text now, or null when detached. */
  text: string | null
}

/**
 * Every thread of a Y.Doc with its passage, without an editor (tests, the server): the text is read as the editor
 * would show it, from a copy, since reading Yjs as ProseMirror repairs what it cannot show by editing the Yjs types.
 */
export function locatePassages(doc: Y.Doc, schema: Schema = editorSchema): LocatedThread[] {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const fragment = copy.getXmlFragment(YLayout.richTextFragment)
    const { doc: text, mapping } = initProseMirrorDoc(fragment, schema)
    const size = text.content.size
    return readThreads(copy).map((thread) => {
      const range = resolveThread(fragment, mapping, thread, size)
      return { thread, range, text: range ? text.textBetween(range.from, range.to, ' ') : null }
    })
  } finally {
    copy.destroy()
  }
}
