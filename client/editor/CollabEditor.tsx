import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect } from 'react'
import { createSchemaExtensions } from '../../shared/editorSchema.js'
import { YLayout } from '../../shared/yLayout.js'
import type { CollabSession } from '../collab/useCollabSession.js'
import type { Identity } from '../presence/identity.js'
import { Toolbar } from './Toolbar.js'

/** The Tiptap editor bound to the session's Y.Doc, with everyone's carets. */
export function CollabEditor({ session, identity }: { session: CollabSession; identity: Identity }) {
  const editor = useEditor(
    {
      extensions: [
        ...createSchemaExtensions(),
        Collaboration.configure({ document: session.doc, field: YLayout.richTextFragment }),
        CollaborationCaret.configure({ provider: session.provider, user: identity }),
      ],
      editorProps: {
        attributes: {
          class: 'statement',
          'aria-label': 'Statement text',
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
        },
      },
    },
    [session],
  )

  useEffect(() => {
    editor?.commands.updateUser(identity)
  }, [editor, identity])

  if (!editor) return null
  return (
    <main className="editor-main">
      <Toolbar editor={editor} />
      <article className="paper">
        <EditorContent editor={editor} />
      </article>
    </main>
  )
}
