import { useState, type FormEvent } from 'react'
import type { DocumentInfo } from '../../shared/apiTypes.js'
import { MAX_TITLE_LENGTH } from '../titleLimit.js'
import { linkProps } from '../routing.js'

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

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (title.trim() && title.trim() !== doc.title) await onRename(title.trim())
    setRenaming(false)
  }

  return (
    <li className="doc-row">
      {renaming ? (
        <form className="rename-form" onSubmit={submit}>
          <label htmlFor={`rename-${doc.id}`} className="visually-hidden">
            New title for {doc.title}
          </label>
          <input
            id={`rename-${doc.id}`}
            autoFocus
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
          />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="doc-main">
          {view === 'active' ? (
            <a className="doc-title" {...linkProps(`/d/${doc.id}`)}>
              {doc.title}
            </a>
          ) : (
            <span className="doc-title">{doc.title}</span>
          )}
          <span className="doc-meta">
            {view === 'trash' && doc.deletedAt
              ? `Deleted ${dateFormat.format(new Date(doc.deletedAt))}`
              : `Edited ${dateFormat.format(new Date(doc.updatedAt))}`}
          </span>
        </div>
      )}
      {!renaming && (
        <div className="doc-actions">
          {view === 'active' ? (
            <>
              <button type="button" onClick={() => (setTitle(doc.title), setRenaming(true))} aria-label={`Rename ${doc.title}`}>
                Rename
              </button>
              <button type="button" onClick={onTrash} aria-label={`Move ${doc.title} to the trash`}>
                Delete
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={onRestore} aria-label={`Restore ${doc.title}`}>
                Restore
              </button>
              <button type="button" className="danger" onClick={onPurge} aria-label={`Delete ${doc.title} forever`}>
                Delete forever
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}
