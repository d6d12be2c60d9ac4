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

/** Why a title cannot be saved as typed (null when it can); an empty title is allowed: "untitled". */
export function titleProblem(title: string): string | null {
  return title.trim().length > MAX_TITLE_LENGTH ? TITLE_TOO_LONG : null
}
