import { useEffect, useState, useSyncExternalStore } from 'react'
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

/** `/d/<docId>`: the statement being written, with who is here and whether it is saved. */
export function EditorPage({ docId }: { docId: string }) {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity())
  const [info, setInfo] = useState<DocumentInfo | null>(null)
  const [infoError, setInfoError] = useState<string | null>(null)
  const session = useCollabSession(docId)

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
      </header>
      {infoError && (
        <p className="banner error" role="alert">
          {infoError}
        </p>
      )}
      {session && <ConnectionBanner session={session} />}
      {!identity && <NamePrompt onDone={setIdentity} />}
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
