import { useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { displayTitle } from '../../shared/documentTitle.js'
import { exportMarkdown, safeFilename, type ExportStyle, type FurtherReading } from '../../shared/export/index.js'
import { useDialogFocus } from '../dialog/useDialogFocus.js'
import { renderPreview } from './renderPreview.js'

interface Props {
  doc: Y.Doc
  /** The statement's title; empty when it has none. */
  title: string
  onClose: () => void
}

function download(markdown: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Export to markdown: choose the style, preview the result, then download `<title>.md` or copy it. */
export function ExportDialog({ doc, title, onClose }: Props) {
  const [style, setStyle] = useState<ExportStyle>('notes')
  const [furtherReading, setFurtherReading] = useState<FurtherReading>('cited')
  const [frontMatter, setFrontMatter] = useState(false)
  const [view, setView] = useState<'preview' | 'source'>('preview')
  const [html, setHtml] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const dialogRef = useRef<HTMLDivElement>(null)

  const markdown = useMemo(
    () => exportMarkdown(doc, { style, furtherReading, frontMatter: frontMatter ? { title: title || undefined, date: new Date().toISOString().slice(0, 10) } : false }),
    [doc, style, furtherReading, frontMatter, title],
  )
  useEffect(() => {
    let current = true
    renderPreview(markdown).then(
      (rendered) => current && setHtml(rendered),
      () => current && setHtml(null),
    )
    return () => {
      current = false
    }
  }, [markdown])

  useDialogFocus(dialogRef, onClose)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown)
      setNotice('Markdown copied to the clipboard.')
    } catch {
      setNotice('The browser did not allow copying. Switch to “Markdown source”, select it and copy it by hand.')
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" ref={dialogRef}>
        <h2 id="export-title">Export to markdown</h2>
        <div className="export-options">
          <fieldset>
            <legend>Citations</legend>
            <label>
              <input type="radio" name="export-style" checked={style === 'notes'} onChange={() => setStyle('notes')} /> Numbered notes (Chicago)
            </label>
            <label>
              <input type="radio" name="export-style" checked={style === 'pandoc'} onChange={() => setStyle('pandoc')} /> Pandoc citations with CSL-JSON
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="export-reading">Further Reading</label>
            <select id="export-reading" value={furtherReading} onChange={(event) => setFurtherReading(event.target.value as FurtherReading)}>
              <option value="cited">Cited sources</option>
              <option value="all">All sources, cited or not</option>
              <option value="none">Leave it out</option>
            </select>
          </div>
          <label className="inline-check">
            <input type="checkbox" checked={frontMatter} onChange={(event) => setFrontMatter(event.target.checked)} /> Title and date as YAML front matter
          </label>
        </div>
        <div className="export-view-switch" role="group" aria-label="Show">
          <button type="button" aria-pressed={view === 'preview'} onClick={() => setView('preview')}>
            Preview
          </button>
          <button type="button" aria-pressed={view === 'source'} onClick={() => setView('source')}>
            Markdown source
          </button>
        </div>
        {view === 'preview' ? (
          <div
            className="export-preview statement"
            role="region"
            aria-label="Preview of the exported statement"
            // Scrolls on its own: keyboard users reach it to scroll it, as they reach the markdown source.
            tabIndex={0}
            dangerouslySetInnerHTML={{ __html: html ?? '' }}
          />
        ) : (
          <pre className="export-source" aria-label="Exported markdown" tabIndex={0}>
            {markdown}
          </pre>
        )}
        <p className="visually-hidden" role="status">
          {notice}
        </p>
        {notice && <p className="muted">{notice}</p>}
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => download(markdown, safeFilename(displayTitle(title)))}>
            Download {safeFilename(displayTitle(title))}
          </button>
          <button type="button" onClick={() => void copy()}>
            Copy markdown
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
