import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { displayTitle } from '../../shared/documentTitle.js'
import { api } from '../api.js'
import { useCollabSession } from '../collab/useCollabSession.js'
import { loadIdentity, type Identity } from '../presence/identity.js'
import { NamePrompt } from '../presence/NamePrompt.js'
import { PresenceList } from '../presence/PresenceList.js'
import { linkProps, navigationState } from '../routing.js'
import { CollabEditor, SourcesPending } from './CollabEditor.js'
import { DocumentTitle } from './DocumentTitle.js'
import { PreviewSlot } from './PreviewSlot.js'
import { serverPreviewOf, type ServerPreview } from './serverPreview.js'
import { SaveStatus } from './SaveStatus.js'

// The export code (serializer, markdown parser for the preview) loads only when someone exports.
const ExportDialog = lazy(() => import('../export/ExportDialog.js').then((module) => ({ default: module.ExportDialog })))

/** `/d/<docId>`: the statement being written, with who is here and whether it is saved. */
export function EditorPage({ docId }: { docId: string }) {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity())
  // The statement the server put in the page, shown until the editor holds the synced document.
  const [preview] = useState(() => serverPreviewOf(docId))
  const [info, setInfo] = useState<DocumentInfo | null>(() => preview?.info ?? null)
  const [infoError, setInfoError] = useState<string | null>(null)
  const session = useCollabSession(docId)
  const [exporting, setExporting] = useState(false)
  // Where the caret goes once it can: a statement just created starts at its title; after the name prompt,
  // the person goes on into the text. Nothing is focused on a plain visit (a phone would open its keyboard).
  const [justCreated] = useState(() => navigationState().justCreated === true)
  const [focusTarget, setFocusTarget] = useState<'title' | 'text' | null>(() => (justCreated && identity ? 'title' : null))
  const focusDone = useCallback(() => setFocusTarget(null), [])

  useEffect(() => {
    api.getDocument(docId).then(
      (document) => {
        setInfo(document)
        window.document.title = `${displayTitle(document.title)} · Caucus`
      },
      (error: Error) => setInfoError(error.message),
    )
  }, [docId])

  return (
    <div className="editor-page">
      <header className="editor-header">
        <a className="back-link" {...linkProps('/')} aria-label="All documents">
          ← Documents
        </a>
        <h1 className="print-title">{displayTitle(info?.title ?? '')}</h1>
        <DocumentTitle
          docId={docId}
          info={info}
          onRenamed={setInfo}
          focusWhenReady={focusTarget === 'title'}
          onFocused={focusDone}
          onDone={() => setFocusTarget('text')}
        />
        {session && <SaveStatus tracker={session.saveTracker} />}
        {session && <PresenceList awareness={session.provider.awareness} />}
        {session && (
          <a className="sources-link" href="#sources-heading">
            Sources
          </a>
        )}
        {session && (
          <button type="button" className="header-button" onClick={() => setExporting(true)} aria-haspopup="dialog">
            Export
          </button>
        )}
      </header>
      {infoError && (
        <p className="banner error" role="alert">
          {infoError}
        </p>
      )}
      {session && <ConnectionBanner session={session} />}
      {!identity && (
        <NamePrompt
          onDone={(named) => {
            setIdentity(named)
            setFocusTarget(justCreated ? 'title' : 'text')
          }}
        />
      )}
      {session && exporting && (
        <Suspense fallback={<p className="banner">Preparing the export…</p>}>
          <ExportDialog doc={session.doc} title={info?.title ?? ''} onClose={() => setExporting(false)} />
        </Suspense>
      )}
      {session && identity ? (
        <CollabEditor
          key={docId}
          session={session}
          identity={identity}
          title={displayTitle(info?.title ?? '')}
          preview={preview}
          focusWhenReady={focusTarget === 'text'}
          onFocused={focusDone}
        />
      ) : (
        preview && <PreviewLayout preview={preview} />
      )}
    </div>
  )
}

function ConnectionBanner({ session }: { session: NonNullable<ReturnType<typeof useCollabSession>> }) {
  const state = useSyncExternalStore(session.saveTracker.subscribe, session.saveTracker.getState)
  if (state.kind === 'refused') {
    return (
      <p className="banner error" role="alert">
        {state.message} <a {...linkProps('/')}>Back to documents</a>
      </p>
    )
  }
  if (state.kind === 'offline' && session.saveTracker.closeMessage) {
    return <p className="banner warning">{session.saveTracker.closeMessage}</p>
  }
  return null
}

/** The server-rendered statement where the editor will be, while the page asks for a name or starts the session. */
function PreviewLayout({ preview }: { preview: ServerPreview }) {
  return (
    <div className="editor-layout">
      <main className="editor-main">
        <div className="toolbar-wrap">
          <div className="toolbar toolbar-pending" aria-hidden="true" />
        </div>
        <article className={`paper citations-as-${preview.display}`}>
          <PreviewSlot preview={preview} />
        </article>
      </main>
      <SourcesPending />
    </div>
  )
}
