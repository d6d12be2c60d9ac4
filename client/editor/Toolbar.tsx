import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { LinkForm } from './LinkForm.js'
import { ToolIcon } from './ToolIcon.js'
import { toolbarActions, type ToolbarAction } from './toolbarActions.js'
import { useToolbarState, type BlockStyle } from './useToolbarState.js'

/**
 * Formatting controls. One tab stop for the whole toolbar; arrow keys move between controls (the WAI-ARIA
 * toolbar pattern), so keyboard users are not forced through every button.
 */
export function Toolbar({ editor, readOnly = false }: { editor: Editor; readOnly?: boolean }) {
  const state = useToolbarState(editor)
  const [linkOpen, setLinkOpen] = useState(false)
  const [focusIndex, setFocusIndex] = useState(0)
  const toolbarRef = useRef<HTMLDivElement>(null)

  // Ctrl/Cmd+K opens the link form from inside the text.
  useEffect(() => {
    const onEditorKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && editor.isEditable) {
        event.preventDefault()
        setLinkOpen(true)
      }
    }
    const dom = editor.view.dom
    dom.addEventListener('keydown', onEditorKey)
    return () => dom.removeEventListener('keydown', onEditorKey)
  }, [editor])

  const onKeyDown = (event: KeyboardEvent) => {
    const controls = [...(toolbarRef.current?.querySelectorAll<HTMLElement>('[data-toolbar-control]') ?? [])]
    const index = controls.indexOf(document.activeElement as HTMLElement)
    if (index < 0) return
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: controls.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const wrapped = (next + controls.length) % controls.length
    setFocusIndex(wrapped)
    controls[wrapped]?.focus()
  }
  let controlIndex = 0
  const rovingProps = () => {
    const index = controlIndex++
    return { 'data-toolbar-control': true, tabIndex: index === focusIndex ? 0 : -1, onFocus: () => setFocusIndex(index) }
  }

  const setBlock = (value: BlockStyle) => {
    const chain = editor.chain().focus()
    if (value === 'paragraph') chain.setParagraph().run()
    else chain.setHeading({ level: Number(value[1]) as 1 | 2 | 3 }).run()
  }

  const button = (action: ToolbarAction) => (
    <button
      key={action.id}
      type="button"
      className="tool"
      aria-label={action.label}
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      aria-pressed={action.isActive ? Boolean(state.active[action.id]) : undefined}
      disabled={readOnly || !state.enabled[action.id]}
      // Pressing a button must not take the focus (and the selection) from the text: keys typed right after a
      // click would otherwise land on the button until the editor takes the focus back, a frame later.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => action.run(editor)}
      {...rovingProps()}
    >
      <span aria-hidden="true" className={`tool-${action.id}`}>
        <ToolIcon name={action.id} fallback={action.icon} />
      </span>
    </button>
  )

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label="Formatting" ref={toolbarRef} onKeyDown={onKeyDown}>
        <select
          aria-label="Text style"
          className="block-select"
          disabled={readOnly}
          value={state.block}
          onChange={(event) => setBlock(event.target.value as BlockStyle)}
          {...rovingProps()}
        >
          <option value="paragraph">Paragraph</option>
          <option value="h1">Heading 1</option>
          <option value="h2">Heading 2</option>
          <option value="h3">Heading 3</option>
        </select>
        {toolbarActions.filter((a) => a.group === 'inline').map(button)}
        <button
          type="button"
          className="tool"
          aria-label={state.link ? 'Edit link' : 'Add link'}
          title="Link (Ctrl+K)"
          aria-pressed={state.link}
          aria-expanded={linkOpen}
          onClick={() => setLinkOpen((open) => !open)}
          disabled={readOnly}
          {...rovingProps()}
        >
          <ToolIcon name="link" fallback="Link" />
        </button>
        <span className="tool-separator" aria-hidden="true" />
        {toolbarActions.filter((a) => a.group === 'block').map(button)}
        <span className="tool-separator" aria-hidden="true" />
        {toolbarActions.filter((a) => a.group === 'history').map(button)}
        {!readOnly && <span className="tool-separator" aria-hidden="true" />}
        {!readOnly && toolbarActions.filter((a) => a.group === 'review').map(button)}
      </div>
      {linkOpen && !readOnly && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  )
}
