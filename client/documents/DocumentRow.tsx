import { useState, type FormEvent } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { displayTitle, titleProblem, UNTITLED } from '../../shared/documentTitle.js'
import { linkProps } from '../routing.js'
import { roleLabel } from '../share/roleNames.js'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

interface Props {
  doc: DocumentInfo
  view: 'active' | 'trash'
  onRename: (title: string) => Promise<void>
  onTrash: () => void
  onRestore: () => void
  onPurge: () => void
}

/** One statement in the list, with its actions. */
export function DocumentRow({ doc, view, onRename, onTrash, onRestore, onPurge }: Props) {
  const [renaming, setRenaming] = useState(false)
  const [title, setTitle] = useState(doc.title)
  const shown = displayTitle(doc.title)
  const problem = titleProblem(title)
  const untitledClass = doc.title.trim() === '' ? ' untitled' : ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (problem) return
    // An empty title is allowed: the statement becomes untitled.
    if (title.trim() !== doc.title) await onRename(title.trim())
    setRenaming(false)
  }

  return (
    <li className="doc-row">
      {renaming ? (
        <form className="rename-form" onSubmit={submit}>
          <label htmlFor={`rename-${doc.id}`} className="visually-hidden">
            New title for {shown}
          </label>
          <input
            id={`rename-${doc.id}`}
            autoFocus
            value={title}
            placeholder={UNTITLED}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `rename-${doc.id}-error` : undefined}
          />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
          {problem && (
            <p id={`rename-${doc.id}-error`} className="field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      ) : (
        <div className="doc-main">
          {view === 'active' ? (
            <a className={`doc-title${untitledClass}`} {...linkProps(`/d/${doc.id}`)}>
              {shown}
            </a>
          ) : (
            <span className={`doc-title${untitledClass}`}>{shown}</span>
          )}
          <span className="doc-meta">
            {view === 'trash' && doc.deletedAt
              ? `Deleted ${dateFormat.format(new Date(doc.deletedAt))}`
              : `Edited ${dateFormat.format(new Date(doc.updatedAt))}`}
            {doc.role && ` · ${roleLabel(doc.role)}`}
          </span>
        </div>
      )}
      {!renaming && (
        <div className="doc-actions">
          {view === 'active' ? (
            <>
              {/* Only what the person's role allows: the server would refuse the rest. */}
              {doc.role !== 'viewer' && (
                <button type="button" onClick={() => (setTitle(doc.title), setRenaming(true))} aria-label={`Rename ${shown}`}>
                  Rename
                </button>
              )}
              {(doc.role === undefined || doc.role === 'owner') && (
                <button type="button" onClick={onTrash} aria-label={`Delete ${shown} (moves it to the trash)`}>
                  Delete
                </button>
              )}
            </>
          ) : (
            <>
              <button type="button" onClick={onRestore} aria-label={`Restore ${shown}`}>
                Restore
              </button>
              <button type="button" className="danger" onClick={onPurge} aria-label={`Delete forever: ${shown}`}>
                Delete forever
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}
