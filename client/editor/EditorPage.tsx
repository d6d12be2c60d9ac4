import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { api } from '../api.js'
import { useCollabSession } from '../collab/useCollabSession.js'
import { loadIdentity, type Identity } from '../presence/identity.js'
import { NamePrompt } from '../presence/NamePrompt.js'
import { PresenceList } from '../presence/PresenceList.js'
import { linkProps } from '../routing.js'
import { CollabEditor } from './CollabEditor.js'
import { DocumentTitle } from './DocumentTitle.js'
import { SaveStatus } from './SaveStatus.js'

// The export code (serializer, markdown parser for the preview) loads only when someone exports.
const ExportDialog = lazy(() => import('../export/ExportDialog.js').then((module) => ({ default: module.ExportDialog })))

/** `/d/<docId>`: the statement being written, with who is here and whether it is saved. */
export function EditorPage({ docId }: { docId: string }) {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity())
  const [info, setInfo] = useState<DocumentInfo | null>(null)
  const [infoError, setInfoError] = useState<string | null>(null)
  const session = useCollabSession(docId)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    api.getDocument(docId).then(
      (document) => {
        setInfo(document)
        window.document.title = `${document.title} · Caucus`
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
        <DocumentTitle docId={docId} info={info} onRenamed={setInfo} />
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
      {!identity && <NamePrompt onDone={setIdentity} />}
      {session && exporting && (
        <Suspense fallback={<p className="banner">Preparing the export…</p>}>
          <ExportDialog doc={session.doc} title={info?.title ?? 'Statement'} onClose={() => setExporting(false)} />
        </Suspense>
      )}
      {session && identity && <CollabEditor key={docId} session={session} identity={identity} title={info?.title ?? 'Statement'} />}
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
