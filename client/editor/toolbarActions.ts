import type { Editor } from '@tiptap/core'

export interface ToolbarAction {
  id: string
  label: string
  icon: string
  shortcut?: string
  group: 'inline' | 'block' | 'history' | 'review'
  run: (editor: Editor) => void
  isActive?: (editor: Editor) => boolean
  canRun?: (editor: Editor) => boolean
}

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'

/** The formatting a statement needs, in toolbar order. */
export const toolbarActions: ToolbarAction[] = [
  { id: 'bold', label: 'Bold', icon: 'B', shortcut: `${mod}B`, group: 'inline', run: (e) => e.chain().focus().toggleBold().run(), isActive: (e) => e.isActive('bold') },
  { id: 'italic', label: 'Italic', icon: 'I', shortcut: `${mod}I`, group: 'inline', run: (e) => e.chain().focus().toggleItalic().run(), isActive: (e) => e.isActive('italic') },
  { id: 'strike', label: 'Strikethrough', icon: 'S', shortcut: `${mod}Shift+S`, group: 'inline', run: (e) => e.chain().focus().toggleStrike().run(), isActive: (e) => e.isActive('strike') },
  { id: 'bulletList', label: 'Bulleted list', icon: '•', shortcut: `${mod}Shift+8`, group: 'block', run: (e) => e.chain().focus().toggleBulletList().run(), isActive: (e) => e.isActive('bulletList') },
  { id: 'orderedList', label: 'Numbered list', icon: '1.', shortcut: `${mod}Shift+7`, group: 'block', run: (e) => e.chain().focus().toggleOrderedList().run(), isActive: (e) => e.isActive('orderedList') },
  { id: 'blockquote', label: 'Quote', icon: '“', shortcut: `${mod}Shift+B`, group: 'block', run: (e) => e.chain().focus().toggleBlockquote().run(), isActive: (e) => e.isActive('blockquote') },
  { id: 'horizontalRule', label: 'Divider line', icon: '—', group: 'block', run: (e) => e.chain().focus().setHorizontalRule().run() },
  { id: 'undo', label: 'Undo', icon: '↶', shortcut: `${mod}Z`, group: 'history', run: (e) => e.chain().focus().undo().run(), canRun: (e) => e.can().undo() },
  { id: 'redo', label: 'Redo', icon: '↷', shortcut: `${mod}Shift+Z`, group: 'history', run: (e) => e.chain().focus().redo().run(), canRun: (e) => e.can().redo() },
  // The comments extension's command (client/comments/); a viewer's toolbar leaves the review group out.
  { id: 'comment', label: 'Comment', icon: '💬', shortcut: `${mod}Alt+M`, group: 'review', run: (e) => e.commands.startComment(), canRun: (e) => e.can().startComment() },
]
