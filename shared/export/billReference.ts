import { sessionText, versionPhrase } from '../sources/billLabels.js'
import type { CslItem } from '../sources/cslTypes.js'
import { formatCslDate } from '../sources/dateFormat.js'

/**
 * The CSL variables a bill version gets in the pandoc export, beyond the standard ones it already has (`number`:
 * "SB 101", `authority`: the legislative body, `jurisdiction`, `issued`: the version's date, `URL`).
 *
 * CSL has no variables for a bill's session or version, which we keep in `custom`. Pandoc leaves `custom` out,
 * so they go where Chicago's styles (Debian's chicago-fullnote-bibliography.csl, pandoc's default
 * chicago-author-date) print them for type `bill`:
 * - `genre`: the version, its chapter and full date ("as amended in Senate, March 29, 2019"). Chicago prints it
 *   after the title; it prints `issued` only as a year, and `version` not at all for a bill in notes. Putting
 *   the version in both `genre` and `version` would make the author-date bibliography print it twice.
 * - `collection-title`: the session ("2019–2020 Reg. Sess."), printed after the bill number.
 * - `status`: CSL 1.0.2's own variable for the free-text status ("Vetoed").
 */
export function billVariables(item: CslItem): Record<string, string> {
  const chapter = item['chapter-number']?.trim()
  const version = [versionPhrase(item.custom?.versionLabel), chapter ? `ch. ${chapter}` : undefined, formatCslDate(item.issued, 'long')]
    .filter(Boolean)
    .join(', ')
  const session = sessionText(item.custom?.session)
  const status = item.custom?.status?.trim()
  return {
    ...(version ? { genre: version } : {}),
    ...(session ? { 'collection-title': session } : {}),
    ...(status ? { status } : {}),
  }
}
