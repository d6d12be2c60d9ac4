import type { AuthorRow } from './sourceFormState.js'

interface Props {
  idPrefix: string
  rows: AuthorRow[]
  onChange: (rows: AuthorRow[]) => void
  onBlur: () => void
  error?: string
}

/** Authors as rows: a person (first and last name) or an organisation. */
export function AuthorsField({ idPrefix, rows, onChange, onBlur, error }: Props) {
  const update = (index: number, change: Partial<AuthorRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)))
  return (
    <fieldset className="field authors" onBlur={onBlur} aria-describedby={error ? `${idPrefix}-authors-error` : undefined}>
      <legend>Authors</legend>
      {rows.map((row, index) => {
        const id = `${idPrefix}-author-${index}`
        return (
          <div className="author-row" key={index}>
            {row.organisation ? (
              <input aria-label={`Author ${index + 1}: organisation`} id={`${id}-literal`} placeholder="Organisation" value={row.literal} onChange={(event) => update(index, { literal: event.target.value })} />
            ) : (
              <>
                <input aria-label={`Author ${index + 1}: first name`} id={`${id}-given`} placeholder="First name" value={row.given} onChange={(event) => update(index, { given: event.target.value })} />
                <input aria-label={`Author ${index + 1}: last name`} id={`${id}-family`} placeholder="Last name" value={row.family} onChange={(event) => update(index, { family: event.target.value })} />
              </>
            )}
            <label className="inline-check">
              <input type="checkbox" checked={row.organisation} onChange={(event) => update(index, { organisation: event.target.checked })} />
              Organisation
            </label>
            {rows.length > 1 && (
              <button type="button" className="link-button" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={`Remove author ${index + 1}`}>
                Remove
              </button>
            )}
          </div>
        )
      })}
      <button type="button" className="link-button" onClick={() => onChange([...rows, { organisation: false, given: '', family: '', literal: '' }])}>
        Add another author
      </button>
      {error && (
        <p id={`${idPrefix}-authors-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
