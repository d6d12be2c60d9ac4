import { normalizeBillNumber } from '../../shared/sources/billVersions.js'
import type { CslItem } from '../../shared/sources/cslTypes.js'
import { formatAuthors } from '../../shared/sources/labels.js'

/** True when a source matches what was typed: title, bill number (any spelling), outlet or author. */
export function matchesSearch(item: CslItem, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = [item.title, item['container-title'], item.publisher, item.number, item.number && normalizeBillNumber(item.number), formatAuthors(item.author)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
  const compact = haystack.replace(/[\s.-]+/g, '')
  return words.every((word) => haystack.includes(word) || compact.includes(word.replace(/[\s.-]+/g, '')))
}
