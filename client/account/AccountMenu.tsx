import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { INVITATIONS_PATH, TOKENS_PATH, linkProps } from '../routing.js'
import { useAccount } from './AccountContext.js'

/**
 * The signed-in person's name in every page's header; it opens their account's pages (access tokens, and
 * invitations for admins) and Sign out. A disclosure (button and list), not an ARIA menu: links and a button
 * reached with Tab, as everywhere else.
 */
export function AccountMenu() {
  const { state, signOut } = useAccount()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listId = useId()

  const popupRef = useRef<HTMLDivElement>(null)
  // The list hangs from the button's right edge; where the button sits near a phone's left edge, it is moved
  // right so that it stays on the screen.
  useLayoutEffect(() => {
    const popup = popupRef.current
    if (!open || !popup) return
    popup.style.right = ''
    const overflow = 8 - popup.getBoundingClientRect().left
    if (overflow > 0) popup.style.right = `${-overflow}px`
  }, [open])

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    // A click or focus elsewhere closes it.
    const onOutside = (event: Event) => {
      if (event.target instanceof Node && !wrapRef.current?.contains(event.target)) setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onOutside)
    document.addEventListener('focusin', onOutside)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('mousedown', onOutside)
      document.removeEventListener('focusin', onOutside)
    }
  }, [open])

  if (state.kind !== 'signedIn') return null
  const { user } = state
  const go = (path: string) => {
    const props = linkProps(path)
    return { ...props, onClick: (event: React.MouseEvent<HTMLAnchorElement>) => (setOpen(false), props.onClick(event)) }
  }
  return (
    <div className="account-menu" ref={wrapRef}>
      <button
        type="button"
        ref={buttonRef}
        className="header-button account-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="visually-hidden">Account: </span>
        <span className="account-name">{user.name}</span>
        <span aria-hidden="true" className="account-caret">
          ▾
        </span>
      </button>
      <div id={listId} className="account-popup" hidden={!open} ref={popupRef}>
        <p className="account-email">
          <span className="visually-hidden">Signed in as </span>
          {user.email}
        </p>
        <ul>
          <li>
            <a {...go(TOKENS_PATH)}>Access tokens</a>
          </li>
          {user.isAdmin && (
            <li>
              <a {...go(INVITATIONS_PATH)}>Invitations</a>
            </li>
          )}
          <li>
            <button type="button" className="link-button" onClick={() => signOut().catch((caught: Error) => setError(caught.message))}>
              Sign out
            </button>
          </li>
        </ul>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
