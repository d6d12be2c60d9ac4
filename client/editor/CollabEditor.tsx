import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
import { Extension } from '@tiptap/core'
import { Placeholder } from '@tiptap/extensions'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { EditorContent, useEditor } from '@tiptap/react'
import { lazy, Suspense, useEffect, useRef } from 'react'
import { createSchemaExtensions } from '../../shared/editorSchema.js'
import { YLayout } from '../../shared/yLayout.js'
import { isRemoteChange } from '../collab/isRemoteChange.js'
import type { CollabSession } from '../collab/useCollabSession.js'
import type { Identity } from '../presence/identity.js'
import { CitePicker } from '../citations/CitePicker.js'
import { useCitationDisplay } from '../citations/useCitationDisplay.js'
import { createCitationExtension } from '../citations/citationExtension.js'
import { useFirstSync } from '../collab/useFirstSync.js'
import { CommentHighlights } from '../comments/commentHighlights.js'
import { CommentsPanel } from '../comments/CommentsPanel.js'
import { commentsStoreFor } from '../comments/CommentsStore.js'
import { PrintNotes } from '../print/PrintNotes.js'
import { CaretBlockLaidOut } from './caretBlockLaidOut.js'
import { KeepUnsupportedContent } from './keepUnsupportedContent.js'
import { PreviewSlot } from './PreviewSlot.js'
import { SmartQuotes } from './smartQuotes.js'
import { releaseServerPreview, type ServerPreview } from './serverPreview.js'
import { StatementCharacterCount, StatementCounts } from './StatementCounts.js'
import { Toolbar } from './Toolbar.js'

// The sources panel (list, forms, CSL import/export) is not needed to show the text: it loads right after.
const SourcesSidebar = lazy(() => import('../sources/SourcesSidebar.js').then((module) => ({ default: module.SourcesSidebar })))

const lastChangeRemote = new PluginKey<boolean>('lastChangeRemote')

/**
 * What a collaborator's edit must not do here. The sync binding replaces the whole document for each remote
 * change, so: it must not scroll (measuring the caret forces a layout of the whole statement, and the browser
 * keeps the view anchored anyway), and autolinking must not scan the whole document and link words in someone
 * else's text (their own editor autolinks what they type).
 */
const remoteChangesStayRemote = Extension.create({
  name: 'remoteChangesStayRemote',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: lastChangeRemote,
      state: { init: () => false, apply: (tr) => isRemoteChange(tr) },
      // Runs before other plugins' appendTransaction: the mark is read by the Link extension's autolink.
      filterTransaction: (tr) => {
        if (isRemoteChange(tr)) tr.setMeta('preventAutolink', true)
        return true
      },
      props: { handleScrollToSelection: (view) => lastChangeRemote.getState(view.state) === true },
    }),
  ],
})

/** The Tiptap editor bound to the session's Y.Doc, with everyone's carets. */
export function CollabEditor({
  session,
  identity,
  title,
  preview,
  readOnly,
  focusWhenReady = false,
  onFocused,
}: {
  session: CollabSession
  identity: Identity
  title: string
  /** The server-rendered statement, shown in place of the editor until the document has synced. */
  preview: ServerPreview | null
  /** A viewer: the text, toolbar and sources can be read but not changed (switches back without a reload). */
  readOnly: boolean
  /** Put the caret at the start of the text as soon as it can be edited (after Enter in a new title, say). */
  focusWhenReady?: boolean
  onFocused?: () => void
}) {
  // The picker handles arrows/Enter/Escape before the editor does, while it is open.
  const pickerKeys = useRef<((event: KeyboardEvent) => boolean) | null>(null)
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        ...createSchemaExtensions({ citation: createCitationExtension(session.sources) }),
        remoteChangesStayRemote,
        CaretBlockLaidOut,
        KeepUnsupportedContent,
        Extension.create({
          name: 'citePickerKeys',
          addProseMirrorPlugins: () => [new Plugin({ props: { handleKeyDown: (_view, event) => pickerKeys.current?.(event) ?? false } })],
        }),
        Collaboration.configure({ document: session.doc, field: YLayout.richTextFragment }),
        CommentHighlights.configure({ store: commentsStoreFor(session.doc) }),
        CollaborationCaret.configure({ provider: session.provider, user: identity }),
        Placeholder.configure({ placeholder: 'Write the statement here…' }),
        StatementCharacterCount,
        SmartQuotes,
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

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly)
  }, [editor, readOnly])

  const [citationDisplay, setCitationDisplay] = useCitationDisplay(session.doc)
  const synced = useFirstSync(session)
  const showingPreview = preview !== null && !synced

  useEffect(() => {
    if (preview && synced) releaseServerPreview()
  }, [preview, synced])

  useEffect(() => {
    if (!focusWhenReady || !editor || showingPreview || readOnly) return
    editor.commands.focus('start')
    onFocused?.()
  }, [focusWhenReady, editor, showingPreview, readOnly, onFocused])

  if (!editor) return null
  return (
    <div className="editor-layout">
      <main className="editor-main">
        <Toolbar editor={editor} readOnly={readOnly} />
        <article className={`paper citations-as-${showingPreview ? preview.display : citationDisplay}`}>
          {showingPreview && <PreviewSlot preview={preview} />}
          <EditorContent editor={editor} hidden={showingPreview} />
          <PrintNotes editor={editor} store={session.sources} />
        </article>
        <StatementCounts editor={editor} />
        <CitePicker editor={editor} store={session.sources} keyHandler={pickerKeys} />
        <CommentsPanel editor={editor} store={commentsStoreFor(session.doc)} readOnly={readOnly} />
      </main>
      <Suspense fallback={<SourcesPending />}>
        <SourcesSidebar editor={editor} store={session.sources} readOnly={readOnly} title={title} citationDisplay={citationDisplay} onCitationDisplayChange={setCitationDisplay} />
      </Suspense>
    </div>
  )
}

/** Where the sources panel will be, while it loads. */
export function SourcesPending() {
  return (
    <aside className="sources" aria-labelledby="sources-heading" aria-busy="true">
      <h2 id="sources-heading">Sources</h2>
    </aside>
  )
}
