import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { displayTitle } from '../../shared/documentTitle.js'
import { useAccount } from '../account/AccountContext.js'
import { AccountMenu } from '../account/AccountMenu.js'
import { api, ApiRequestError } from '../api.js'
import type { AccessState } from '../collab/DocumentAccess.js'
import { useCollabSession, type CollabSession } from '../collab/useCollabSession.js'
import { identityOf } from '../presence/identity.js'
import { PresenceList } from '../presence/PresenceList.js'
import { linkProps, navigationState } from '../routing.js'
import { CollabEditor, SourcesPending } from './CollabEditor.js'
import { DocumentTitle } from './DocumentTitle.js'
import { NoAccess } from './NoAccess.js'
import { PreviewSlot } from './PreviewSlot.js'
import { serverPreviewOf, type ServerPreview } from './serverPreview.js'
import { SaveStatus } from './SaveStatus.js'

// The export code (serializer, markdown parser for the preview) loads only when someone exports.
const ExportDialog = lazy(() => import('../export/ExportDialog.js').then((module) => ({ default: module.ExportDialog })))
// Only owners share, and not on every visit.
const ShareDialog = lazy(() => import('../share/ShareDialog.js').then((module) => ({ default: module.ShareDialog })))

/** `/d/<docId>`: the statement being written, with who is here and whether it is saved. */
export function EditorPage({ docId }: { docId: string }) {
  const account = useAccount()
  const user = account.state.kind === 'signedIn' ? account.state.user : null
  // Presence shows the account's name and colour (the server stamps them too).
  const identity = useMemo(() => (user ? identityOf(user) : null), [user])
  // The statement the server put in the page, shown until the editor holds the synced document.
  const [preview] = useState(() => serverPreviewOf(docId))
  const [info, setInfo] = useState<DocumentInfo | null>(() => preview?.info ?? null)
  const [infoError, setInfoError] = useState<ApiRequestError | null>(null)
  const session = useCollabSession(docId)
  const access = useDocumentAccess(session)
  const [exporting, setExporting] = useState(false)
  const [sharing, setSharing] = useState(false)
  // Where the caret goes once it can: a statement just created starts at its title, and Enter there goes on into
  // the text. Nothing is focused on a plain visit (a phone would open its keyboard).
  const [justCreated] = useState(() => navigationState().justCreated === true)
  const [focusTarget, setFocusTarget] = useState<'title' | 'text' | null>(() => (justCreated ? 'title' : null))
  const focusDone = useCallback(() => setFocusTarget(null), [])
  const readOnly = access.access === 'read'

  const loadInfo = useCallback(() => {
    api.getDocument(docId).then(
      (document) => {
        setInfo(document)
        window.document.title = `${displayTitle(document.title)} · Caucus`
      },
      (error: ApiRequestError) => setInfoError(error),
    )
  }, [docId])
  useEffect(loadInfo, [loadInfo])
  // The server's access notices keep the role current: an editor made an owner gets the Share button at once.
  const isOwner = (access.role ?? info?.role) === 'owner'

  // The role the documents API gives lets the session connect (read-only for a viewer); the server's access
  // notices keep it current after that.
  useEffect(() => {
    if (session && info?.role) session.access.setRole(info.role)
  }, [session, info?.role])

  // Signed out meanwhile (here or in another tab): the account check shows the sign-in form at this address.
  const { refresh } = account
  const unauthorized = infoError?.status === 401 || access.refused === 'unauthorized'
  useEffect(() => {
    if (unauthorized) refresh()
  }, [unauthorized, refresh])

  if (infoError?.status === 404 || access.refused === 'noAccess' || unauthorized) return <NoAccess />

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
          focusWhenReady={focusTarget === 'title' && !readOnly}
          onFocused={focusDone}
          onDone={() => setFocusTarget('text')}
          readOnly={readOnly}
        />
        {readOnly && (
          <p className="view-only-badge" title="You can read this statement and see changes as they happen, but not edit it.">
            View only
          </p>
        )}
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
        {isOwner && (
          <button type="button" className="header-button" onClick={() => setSharing(true)} aria-haspopup="dialog">
            Share
          </button>
        )}
        <AccountMenu />
      </header>
      {infoError && (
        <p className="banner error" role="alert">
          {infoError.message}
        </p>
      )}
      {session && <ConnectionBanner session={session} />}
      {session && exporting && (
        <Suspense fallback={<p className="banner">Preparing the export…</p>}>
          <ExportDialog doc={session.doc} title={info?.title ?? ''} onClose={() => setExporting(false)} />
        </Suspense>
      )}
      {sharing && isOwner && user && (
        <Suspense fallback={<p className="banner">Loading the members…</p>}>
          {/* An owner who makes themselves an editor no longer shares: the page asks for their role again. */}
          <ShareDialog docId={docId} title={info?.title ?? ''} selfId={user.id} onOwnRoleChanged={loadInfo} onClose={() => setSharing(false)} />
        </Suspense>
      )}
      {session && identity && access.access ? (
        <CollabEditor
          key={docId}
          session={session}
          identity={identity}
          title={displayTitle(info?.title ?? '')}
          preview={preview}
          readOnly={readOnly}
          focusWhenReady={focusTarget === 'text'}
          onFocused={focusDone}
        />
      ) : (
        preview && <PreviewLayout preview={preview} />
      )}
    </div>
  )
}

const NO_SESSION_ACCESS: AccessState = { access: null, role: null, refused: null }
const noSubscription = () => () => {}

/** The session's access (null until the role is known), re-rendering when the server changes it. */
function useDocumentAccess(session: CollabSession | null): AccessState {
  return useSyncExternalStore(session?.access.subscribe ?? noSubscription, session?.access.getState ?? (() => NO_SESSION_ACCESS))
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

/** The server-rendered statement where the editor will be, while the page starts the session. */
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
