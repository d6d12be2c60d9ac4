import type { Editor } from '@tiptap/core'
import { useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { deleteSource, groupBills, sourceKindOf, writeSource, type CslItem } from '../../shared/sources/index.js'
import type { CitationDisplay } from '../../shared/documentSettings.js'
import { downloadCslJson, importCslFile } from './cslFiles.js'
import { matchesSearch } from './searchSources.js'
import { LinkLookup } from './LinkLookup.js'
import { SourceForm } from './SourceForm.js'
import { sourceMessageName } from './sourceMessageName.js'
import { SourceListItem } from './SourceListItem.js'
import type { SourcesStore } from './SourcesStore.js'
import { KIND_NAMES } from './sourceFormState.js'
import { yearSpans } from '../../shared/typography.js'
import { useCitationCounts } from './useCitationIndex.js'

type Filter = 'all' | 'bills' | 'news' | 'other'

interface Props {
  editor: Editor
  store: SourcesStore
  title: string
  citationDisplay: CitationDisplay
  onCitationDisplayChange: (display: CitationDisplay) => void
  /** A viewer: sources can be searched, read and exported, not added, changed, cited or deleted. */
  readOnly: boolean
}

/** The document's sources: grouped, searchable, editable, and the place citations are inserted from. */
export function SourcesSidebar({ editor, store, title, citationDisplay, onCitationDisplayChange, readOnly }: Props) {
  const { items, loaded } = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const citations = useCitationCounts(editor)
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const [editing, setEditing] = useState<CslItem | 'new' | null>(null)
  // A source looked up from a link, open in the form as a new source until it is saved or cancelled.
  const [draft, setDraft] = useState<{ item: CslItem; url: string } | null>(null)
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; lines: string[] } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const visible = useMemo(() => items.filter((item) => matchesSearch(item, query)), [items, query])
  const bills = useMemo(() => groupBills(visible.filter((item) => sourceKindOf(item) === 'billVersion')), [visible])
  const news = visible.filter((item) => sourceKindOf(item) === 'newsArticle')
  const others = visible.filter((item) => !['billVersion', 'newsArticle'].includes(sourceKindOf(item)))

  const save = (item: CslItem) => {
    writeSource(store.doc, item)
    setEditing(null)
    setMessage({ kind: 'info', lines: [`Saved ${sourceMessageName(item)}.`] })
  }

  const remove = (item: CslItem) => {
    const uses = citations.get(item.id) ?? 0
    if (uses > 0 && !window.confirm(`${sourceMessageName(item)} is cited ${uses} time${uses === 1 ? '' : 's'}. Delete it anyway? Those citations will show “missing source”.`)) return
    deleteSource(store.doc, item.id)
    setMessage({ kind: 'info', lines: [`Deleted ${sourceMessageName(item)}.`] })
  }

  const onImport = async (file: File | undefined) => {
    if (!file) return
    const result = await importCslFile(file, store.doc)
    if ('problems' in result) setMessage({ kind: 'error', lines: result.problems })
    else {
      const already = result.unchanged > 0 ? ` ${result.unchanged} ${result.unchanged === 1 ? 'was' : 'were'} already here.` : ''
      setMessage({ kind: 'info', lines: [`Imported ${result.imported} source${result.imported === 1 ? '' : 's'} from ${file.name}.${already}`] })
    }
    if (fileInput.current) fileInput.current.value = ''
  }

  const row = (item: CslItem, versionOf?: string) => (
    <SourceListItem
      key={item.id}
      item={item}
      versionOf={versionOf}
      editor={editor}
      uses={citations.get(item.id) ?? 0}
      readOnly={readOnly}
      onEdit={() => setEditing(item)}
      onDelete={() => remove(item)}
    />
  )

  const show = (group: Filter) => filter === 'all' || filter === group

  return (
    <aside className="sources" aria-labelledby="sources-heading">
      <div className="sources-header">
        <h2 id="sources-heading">Sources</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setDraft(null)
            setEditing('new')
          }}
          disabled={readOnly}
        >
          Add source
        </button>
      </div>
      <div className="sources-tools">
        <label htmlFor="source-search" className="visually-hidden">
          Search sources
        </label>
        <input id="source-search" type="search" placeholder="Search title, bill number, outlet, author" value={query} onChange={(event) => setQuery(event.target.value)} />
        <label htmlFor="source-filter" className="visually-hidden">
          Show
        </label>
        <select id="source-filter" value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
          <option value="all">All kinds</option>
          <option value="bills">Bills</option>
          <option value="news">News</option>
          <option value="other">Other</option>
        </select>
      </div>
      <fieldset className="citation-display" disabled={readOnly}>
        <legend>Show citations as</legend>
        <label>
          <input type="radio" name="citation-display" checked={citationDisplay === 'labels'} onChange={() => onCitationDisplayChange('labels')} /> Labels
        </label>
        <label>
          <input type="radio" name="citation-display" checked={citationDisplay === 'notes'} onChange={() => onCitationDisplayChange('notes')} /> Note numbers
        </label>
      </fieldset>
      <div className="sources-files">
        <input ref={fileInput} id="csl-import" type="file" accept=".json,application/json,.bib,.bibtex,application/x-bibtex,.ris,application/x-research-info-systems" aria-label="CSL JSON, BibTeX or RIS file to import" tabIndex={-1} className="visually-hidden" onChange={(event) => void onImport(event.target.files?.[0])} />
        <button type="button" className="link-button" onClick={() => fileInput.current?.click()} disabled={readOnly}>
          Import CSL JSON, BibTeX or RIS…
        </button>
        <button type="button" className="link-button" onClick={() => downloadCslJson(items, `${title} sources`)} disabled={items.length === 0}>
          Export CSL JSON
        </button>
      </div>
      {message && (
        <div className={`sources-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.lines.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
          <button type="button" className="link-button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      )}
      {!readOnly && (
        <LinkLookup
          onFound={(item, url) => {
            setDraft({ item, url })
            setEditing('new')
          }}
        />
      )}
      {editing && !readOnly && (
        <SourceForm
          key={editing === 'new' ? `new-${draft?.item.id ?? ''}` : editing.id}
          item={editing === 'new' ? undefined : editing}
          draft={editing === 'new' ? (draft ?? undefined) : undefined}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {loaded && items.length === 0 && !editing && <p className="muted sources-empty">No sources yet. Add the bills and articles this statement relies on, then cite them in the text.</p>}
      {items.length > 0 && visible.length === 0 && <p className="muted">No source matches “{query}”.</p>}
      {show('bills') && bills.length > 0 && (
        <section aria-label="Bills">
          <h3 className="sources-group">Bills</h3>
          {bills.map((group) => (
            <div key={group.key} className="bill-group">
              <p className="bill-name">
                {group.number} <span className="muted">({yearSpans(group.session)})</span>
              </p>
              <ul>{group.versions.map((version) => row(version, group.number))}</ul>
            </div>
          ))}
        </section>
      )}
      {show('news') && news.length > 0 && (
        <section aria-label="News">
          <h3 className="sources-group">{KIND_NAMES.newsArticle}s</h3>
          <ul>{news.map((item) => row(item))}</ul>
        </section>
      )}
      {show('other') && others.length > 0 && (
        <section aria-label="Other sources">
          <h3 className="sources-group">Other sources</h3>
          <ul>{others.map((item) => row(item))}</ul>
        </section>
      )}
    </aside>
  )
}

