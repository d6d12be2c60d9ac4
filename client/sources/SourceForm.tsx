import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { fieldsOf, SOURCE_KINDS, toCsl, VERSION_LABELS, type CslItem, type SourceKind } from '../../shared/sources/index.js'
import { AuthorsField } from './AuthorsField.js'
import { FIELD_HINTS } from './fieldHints.js'
import { checkForm, emptyForm, formFromItem, KIND_NAMES, type SourceFormState } from './sourceFormState.js'

interface Props {
  /** The source being edited; a new one when absent. */
  item?: CslItem
  /** A new source filled from a looked-up link (`item` must be absent): shown for review, saved only on submit. */
  draft?: { item: CslItem; url: string }
  onSave: (item: CslItem) => void
  onCancel: () => void
}

const DATE_HINT = 'YYYY-MM-DD'

/** Adds or edits a source. Fields are checked as you type; a message appears once you have left a field. */
export function SourceForm({ item, draft, onSave, onCancel }: Props) {
  const [form, setForm] = useState<SourceFormState>(() => initialForm(item, draft?.item))
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const { value, issues } = useMemo(() => checkForm(form), [form])
  const fields = fieldsOf(form.kind)
  const idPrefix = item ? `edit-${item.id}` : 'new-source'
  const formRef = useRef<HTMLFormElement>(null)

  // A looked-up draft appears after the lookup button was pressed: take the reader to it, to review.
  useEffect(() => {
    if (draft) formRef.current?.querySelector<HTMLElement>('select, input')?.focus()
  }, [draft])

  const shown = (field: string) => (submitted || touched.has(field) ? issues.get(field) : undefined)
  const touch = (field: string) => setTouched((previous) => new Set(previous).add(field))
  const setValue = (field: string, text: string) => setForm((previous) => ({ ...previous, values: { ...previous.values, [field]: text } }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (value) onSave(toCsl(value, item))
  }

  return (
    <form ref={formRef} className="source-form" onSubmit={submit} noValidate aria-label={item ? 'Edit source' : 'Add a source'} aria-describedby={draft ? `${idPrefix}-draft-note` : undefined}>
      {draft && (
        <p id={`${idPrefix}-draft-note`} className="source-form-note">
          Filled in from {draft.url}. {draft.item.type === 'bill' ? 'Pick the version you mean and give its date. ' : ''}Check each field and fill in
          what is missing; nothing is added until you press Add source.
        </p>
      )}
      {!item && (
        <div className="field">
          <label htmlFor={`${idPrefix}-kind`}>Kind of source</label>
          <select
            id={`${idPrefix}-kind`}
            value={form.kind}
            onChange={(event) => setForm({ ...emptyForm(event.target.value as SourceKind), values: form.values, authors: form.authors })}
          >
            {SOURCE_KINDS.filter((kind) => kind !== 'other').map((kind) => (
              <option key={kind} value={kind}>
                {KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        </div>
      )}
      {Object.entries(fields).map(([field, info]) => {
        if (field === 'cslType') return null
        if (field === 'authors') {
          return (
            <AuthorsField
              key={field}
              idPrefix={idPrefix}
              rows={form.authors}
              onChange={(authors) => setForm((previous) => ({ ...previous, authors }))}
              onBlur={() => touch('authors')}
              error={shown('authors')}
            />
          )
        }
        const id = `${idPrefix}-${field}`
        const error = shown(field)
        const hint = FIELD_HINTS[field]
        const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ')
        return (
          <div className="field" key={field}>
            <label htmlFor={id}>
              {info.label}
              {info.required ? '' : <span className="optional"> (optional)</span>}
            </label>
            <input
              id={id}
              type="text"
              value={form.values[field] ?? ''}
              placeholder={info.format === 'date' ? DATE_HINT : undefined}
              inputMode={info.format === 'date' ? 'numeric' : field === 'url' ? 'url' : undefined}
              list={field === 'versionLabel' ? `${idPrefix}-version-labels` : undefined}
              onChange={(event) => setValue(field, event.target.value)}
              onBlur={() => touch(field)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            {hint && (
              <p id={`${id}-hint`} className="field-hint">
                {hint}
              </p>
            )}
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
        )
      })}
      <datalist id={`${idPrefix}-version-labels`}>
        {VERSION_LABELS.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      {submitted && !value && (
        <p className="field-error" role="alert">
          Please fix the {issues.size === 1 ? 'field' : `${issues.size} fields`} marked above.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {item ? 'Save source' : 'Add source'}
        </button>
        {/* A press must not blur the field first: its error would appear, move this button from under the
            pointer, and the click would be lost. */}
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/** The form's first state: the source being edited, a looked-up draft (as a new source), or a blank news article. */
function initialForm(item: CslItem | undefined, draft: CslItem | undefined): SourceFormState {
  if (item) return formFromItem(item)
  // The draft's id is the server's suggestion; a new source gets its own when it is saved.
  if (draft) return { ...formFromItem(draft), id: undefined }
  return emptyForm('newsArticle')
}
