import { Link } from '@tiptap/extension-link'
import { isSafeLinkUrl } from './safeUrl.js'

/** What every link in a statement opens with, whatever the document says: a new tab that cannot reach back. */
export const LINK_REL = 'noopener noreferrer nofollow'
export const LINK_TARGET = '_blank'

/** Longest link target kept in a statement (source URLs have the same bound). */
export const MAX_LINK_LENGTH = 2048

/**
 * Throws unless `href` is a link a statement may hold: an absolute http, https or mailto URL. ProseMirror runs it
 * (as the `href` attribute's validator) wherever it checks a document, and the server's update check asks it
 * before an update is applied, so a raw client cannot store `javascript:` however it spells it.
 */
function validateHref(href: unknown): void {
  if (typeof href !== 'string') throw new RangeError('a link needs a web address')
  if (href.length > MAX_LINK_LENGTH) throw new RangeError(`a link can be at most ${MAX_LINK_LENGTH} characters`)
  if (!isSafeLinkUrl(href)) throw new RangeError('a link must be an http, https or mailto address')
}

/** An attribute older documents may hold (Tiptap stored it); read, kept, never parsed from a paste, never rendered. */
const inertAttribute = { default: null, parseHTML: () => null, rendered: false } as const

/**
 * Tiptap's link with the document kept out of the markup: it renders `rel` and `target` from the document's own
 * attributes, and a class, so a raw Yjs client could write `target: '_self'`, `rel: ''` or a class and have every
 * page show it. Here the document only chooses the address; an unsafe one is rendered as plain text (no `href`).
 */
export const SafeLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('href'),
        validate: validateHref,
      },
      target: inertAttribute,
      rel: inertAttribute,
      class: inertAttribute,
      title: inertAttribute,
    }
  },
  renderHTML({ mark }) {
    const href = mark.attrs.href
    const safe = typeof href === 'string' && isSafeLinkUrl(href)
    return ['a', safe ? { href, rel: LINK_REL, target: LINK_TARGET } : { rel: LINK_REL }, 0]
  },
})
