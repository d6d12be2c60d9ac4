/**
 * A statement's title. A new statement has none (the empty string): it is shown as "Untitled statement",
 * greyed where it can be edited, so nobody types after placeholder words that are really there.
 * No zod here: the editor's first load imports this.
 */

/** The longest title the API accepts, in UTF-16 code units as JavaScript counts them (after trimming). */
export const MAX_TITLE_LENGTH = 200

/** What a statement without a title is called wherever its title is shown. */
export const UNTITLED = 'Untitled statement'

/** The sentence shown (and returned by the API) for a title over the limit. */
export const TITLE_TOO_LONG = `A title can be at most ${MAX_TITLE_LENGTH} characters: shorten it to save it.`

/** The title to show: the statement's own, or "Untitled statement" when it has none. */
export function displayTitle(title: string): string {
  return title.trim() === '' ? UNTITLED : title
}

/** Shown for a title holding control characters, a broken character or text-direction overrides. */
export const TITLE_HAS_HIDDEN_CHARACTERS = 'A title cannot contain control characters, broken characters or text-direction overrides: retype it.'

/** Shown for a title made only of invisible characters. */
export const TITLE_INVISIBLE = 'A title needs at least one visible character (or leave it empty for an untitled statement).'

// Titles are one line, so every C0 and C1 control is refused; bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) make a title read differently from what it holds. Marks such as U+200F stay:
// mixed Hebrew or Arabic titles need them.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// Characters that show nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen, direction marks.
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/gu

/** Why a title cannot be saved as typed (null when it can); an empty title is allowed: "untitled". */
export function titleProblem(title: string): string | null {
  const trimmed = title.trim()
  if (trimmed.length > MAX_TITLE_LENGTH) return TITLE_TOO_LONG
  if (HIDDEN.test(trimmed)) return TITLE_HAS_HIDDEN_CHARACTERS
  if (trimmed !== '' && trimmed.replace(INVISIBLE, '') === '') return TITLE_INVISIBLE
  return null
}
