import { titleProblem } from '../documentTitle.js'

/** The longest version name, as for titles (UTF-16 code units, after trimming). */
export const MAX_VERSION_NAME_LENGTH = 200

export const VERSION_NAME_TOO_LONG = `A version name can be at most ${MAX_VERSION_NAME_LENGTH} characters: shorten it.`
export const VERSION_NAME_EMPTY = 'Give the version a name ("Draft for the Dec. 5 meeting").'

/**
 * Why a version name cannot be used (null when it can): the title's rules (no control characters, broken
 * characters or text-direction overrides; something visible), and a name is never empty.
 */
export function versionNameProblem(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed === '') return VERSION_NAME_EMPTY
  if (trimmed.length > MAX_VERSION_NAME_LENGTH) return VERSION_NAME_TOO_LONG
  const problem = titleProblem(trimmed)
  // The title's sentences speak of "a title"; the rules are the same.
  return problem && problem.replace(/\btitle\b/g, 'version name').replace(/ \(or leave it empty for an untitled statement\)/, '')
}
