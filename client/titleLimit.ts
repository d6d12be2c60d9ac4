import type { MAX_TITLE_LENGTH as SharedMaxTitleLength } from '../shared/apiTypes.js'

/**
 * The longest document title the server accepts. A copy, because shared/apiTypes.ts also holds the API's zod
 * schemas and importing a value from it would put zod in the editor's first load; the type annotation makes
 * the build fail if the two ever differ.
 */
export const MAX_TITLE_LENGTH: typeof SharedMaxTitleLength = 200
