import type { Editor, EditorEvents } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'
import { isRemoteChange } from '../collab/isRemoteChange.js'
import { toolbarActions } from './toolbarActions.js'

export type BlockStyle = 'paragraph' | 'h1' | 'h2' | 'h3'

export interface ToolbarState {
  block: BlockStyle
  active: Record<string, boolean>
  enabled: Record<string, boolean>
  link: boolean
}

/** A collaborator's edits can change what applies at this person's caret, but need not show at once. */
const REMOTE_REFRESH_MS = 250

function currentBlockStyle(editor: Editor): BlockStyle {
  for (const level of [1, 2, 3] as const) if (editor.isActive('heading', { level })) return `h${level}`
  return 'paragraph'
}

function readToolbarState(editor: Editor): ToolbarState {
  return {
    block: currentBlockStyle(editor),
    active: Object.fromEntries(toolbarActions.map((action) => [action.id, action.isActive?.(editor) ?? false])),
    enabled: Object.fromEntries(toolbarActions.map((action) => [action.id, action.canRun?.(editor) ?? true])),
    link: editor.isActive('link'),
  }
}

/**
 * Which marks and block style apply at the selection, and whether undo/redo can run. Read after the frame
 * that shows a change, not inside it: the dozen checks would otherwise sit between each keystroke and its
 * paint. A collaborator's edits refresh it at most every REMOTE_REFRESH_MS. Renders only when it changes.
 */
export function useToolbarState(editor: Editor): ToolbarState {
  const [state, setState] = useState(() => readToolbarState(editor))
  const shown = useRef(state)
  useEffect(() => {
    let frame: number | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    const refresh = () => {
      if (frame !== null) cancelAnimationFrame(frame)
      if (timer !== null) clearTimeout(timer)
      frame = timer = null
      if (editor.isDestroyed) return
      const next = readToolbarState(editor)
      if (JSON.stringify(next) === JSON.stringify(shown.current)) return
      shown.current = next
      setState(next)
    }
    const onTransaction = ({ transaction }: EditorEvents['transaction']) => {
      if (frame !== null) return
      if (!isRemoteChange(transaction)) {
        if (timer !== null) clearTimeout(timer)
        // The first task after the next frame: the change is painted by then.
        frame = requestAnimationFrame(() => (timer = setTimeout(refresh, 0)))
      } else timer ??= setTimeout(refresh, REMOTE_REFRESH_MS)
    }
    // A new editor (another document): read it now rather than at its first transaction.
    refresh()
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
      if (frame !== null) cancelAnimationFrame(frame)
      if (timer !== null) clearTimeout(timer)
    }
  }, [editor])
  return state
}
