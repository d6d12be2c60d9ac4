import type { Editor } from '@tiptap/core'
import { useState, type FormEvent } from 'react'
import { normalizeLinkInput } from '../../shared/safeUrl.js'

/** Sets, changes or removes the link on the selection. Only http, https and mailto links are accepted. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const existing = (editor.getAttributes('link').href as string | undefined) ?? ''
  const [value, setValue] = useState(existing)
  const [error, setError] = useState<string | null>(null)

  const apply = (event: FormEvent) => {
    event.preventDefault()
    const href = normalizeLinkInput(value)
    if (!href) {
      setError('Enter a web address (https://…) or an email address. Other kinds of links are not allowed.')
      return
    }
    const chain = editor.chain().focus().extendMarkRange('link')
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run()
    } else {
      chain.setLink({ href }).run()
    }
    onClose()
  }

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onClose()
  }

  return (
    <form className="link-form" onSubmit={apply} onKeyDown={(event) => event.key === 'Escape' && (onClose(), editor.commands.focus())}>
      <label htmlFor="link-url">Link address</label>
      <input
        id="link-url"
        autoFocus
        type="text"
        inputMode="url"
        placeholder="https://example.org/article"
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          setError(null)
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-url-error' : undefined}
      />
      <button type="submit" className="primary">
        Apply
      </button>
      {existing && (
        <button type="button" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p id="link-url-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
