import { useSyncExternalStore } from 'react'

export type Route =
  | { page: 'documents' }
  | { page: 'trash' }
  | { page: 'editor'; docId: string }
  | { page: 'tokens' }
  | { page: 'invitations' }
  | { page: 'join'; secret: string }
  | { page: 'notFound' }

/** The account pages, linked from the account menu. */
export const TOKENS_PATH = '/account/tokens'
export const INVITATIONS_PATH = '/account/invitations'

/** Reads the page to show from a pathname. */
export function parseRoute(pathname: string): Route {
  // `/signup` is the sign-up form for someone signed out (AuthGate); once signed in, it is the documents.
  if (pathname === '/' || pathname === '' || pathname === '/signup') return { page: 'documents' }
  if (pathname === '/trash') return { page: 'trash' }
  if (pathname === TOKENS_PATH) return { page: 'tokens' }
  if (pathname === INVITATIONS_PATH) return { page: 'invitations' }
  // A share link (`/join/<secret>`, the address `POST /api/docs/:id/links` answers).
  const join = /^\/join\/([^/]+)\/?$/.exec(pathname)
  if (join?.[1]) return { page: 'join', secret: decodeURIComponent(join[1]) }
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1]) return { page: 'editor', docId: decodeURIComponent(match[1]) }
  return { page: 'notFound' }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

/** The current route, re-rendering on navigation. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname)
  return parseRoute(pathname)
}

/** What a page may learn about how it was reached (kept in the history entry, so a reload keeps it). */
export interface NavigationState {
  /** The person has just created this statement with "New statement". */
  justCreated?: boolean
}

/** Client-side navigation (no reload). */
export function navigate(path: string, state: NavigationState | null = null): void {
  window.history.pushState(state, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** Props for an <a> that navigates client-side but stays a real link (middle-click, copy address). */
export function linkProps(path: string) {
  return {
    href: path,
    onClick: (event: React.MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      event.preventDefault()
      navigate(path)
    },
  }
}

/** The state `navigate` stored with the current history entry. */
export function navigationState(): NavigationState {
  const state: unknown = window.history.state
  return typeof state === 'object' && state !== null ? (state as NavigationState) : {}
}
