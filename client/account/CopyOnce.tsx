import { useId, useState } from 'react'

interface Props {
  /** What the field is ("Share link", "Access token"). */
  label: string
  value: string
  /** Why it must be copied now (it is shown this once). */
  note: string
}

/**
 * A secret the server shows once (a share link, a token, an invitation link): read-only, selectable by hand,
 * with a Copy button and a sentence saying it will not be shown again.
 */
export function CopyOnce({ label, value, note }: Props) {
  const id = useId()
  const [copied, setCopied] = useState<string | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('Copied to the clipboard.')
    } catch {
      setCopied('The browser did not allow copying: select the text and copy it by hand.')
    }
  }
  return (
    <div className="copy-once">
      <label htmlFor={id}>{label}</label>
      <div className="copy-once-row">
        <input id={id} readOnly value={value} aria-describedby={`${id}-note`} onFocus={(event) => event.target.select()} spellCheck={false} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p id={`${id}-note`} className="muted copy-once-note">
        {note}
      </p>
      <p className="copy-once-status" role="status">
        {copied}
      </p>
    </div>
  )
}
