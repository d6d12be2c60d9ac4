import { useCallback, useEffect, useState } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { displayTitle } from '../../shared/documentTitle.js'
import { api } from '../api.js'
import { AccountMenu } from '../account/AccountMenu.js'
import { linkProps, navigate } from '../routing.js'
import { DocumentRow } from './DocumentRow.js'

/** `/` lists the working group's statements; `/trash` lists deleted ones, restorable. */
export function DocumentsPage({ view }: { view: 'active' | 'trash' }) {
  const [documents, setDocuments] = useState<DocumentInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)

  const reload = useCallback(() => {
    api.listDocuments(view === 'trash').then(
      (list) => {
        setDocuments(list)
        setError(null)
      },
      (caught: Error) => setError(caught.message),
    )
  }, [view])

  useEffect(() => {
    document.title = view === 'trash' ? 'Trash · Caucus' : 'Documents · Caucus'
    setDocuments(null)
    reload()
  }, [reload, view])

  const run = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action()
      setNotice(message)
      setError(null)
      reload()
    } catch (caught) {
      setError((caught as Error).message)
    }
  }

  const create = async () => {
    setCreating(true)
    try {
      const created = await api.createDocument()
      navigate(`/d/${created.id}`, { justCreated: true })
    } catch (caught) {
      setError((caught as Error).message)
      setCreating(false)
    }
  }

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="brand">Caucus</p>
          <h1>{view === 'trash' ? 'Trash' : 'Statements'}</h1>
        </div>
        <nav aria-label="Document lists" className="page-nav">
          {view === 'trash' ? <a {...linkProps('/')}>← All statements</a> : <a {...linkProps('/trash')}>Trash</a>}
          {view === 'active' && (
            <button type="button" className="primary" onClick={create} disabled={creating}>
              {creating ? 'Creating…' : 'New statement'}
            </button>
          )}
          <AccountMenu />
        </nav>
      </header>
      {error && (
        <p className="banner error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
      {documents === null && !error && <p className="muted">Loading…</p>}
      {documents?.length === 0 && (
        <p className="empty">
          {view === 'trash' ? 'The trash is empty.' : 'No statements yet. Start one with “New statement”: everyone with the link can write in it with you.'}
        </p>
      )}
      {documents && documents.length > 0 && (
        <ul className="doc-list" aria-label={view === 'trash' ? 'Deleted statements' : 'Statements'}>
          {documents.map((doc) => (
            <DocumentRow
              key={doc.id}
              doc={doc}
              view={view}
              onRename={(title) => run(() => api.renameDocument(doc.id, title), `Renamed to “${displayTitle(title)}”.`)}
              onTrash={() => run(() => api.trashDocument(doc.id), `“${displayTitle(doc.title)}” moved to the trash.`)}
              onRestore={() => run(() => api.restoreDocument(doc.id), `“${displayTitle(doc.title)}” restored.`)}
              onPurge={() => {
                if (window.confirm(`Delete “${displayTitle(doc.title)}” forever? This cannot be undone.`)) {
                  void run(() => api.purgeDocument(doc.id), `“${displayTitle(doc.title)}” deleted forever.`)
                }
              }}
            />
          ))}
        </ul>
      )}
    </main>
  )
}
