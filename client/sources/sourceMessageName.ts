import { formatCslDate, sourceKindOf, type CslItem } from '../../shared/sources/index.js'
import { parseVersionLabel } from '../../shared/sources/versionLabels.js'

/**
 * How the sidebar's messages ("Saved …", "Deleted …") name a source. Versions of one bill share their title,
 * so a bill version is named by number, session and version ("SB 54 (2017–2018), amended in Senate Mar. 13,
 * 2017"); anything else by its title in quotes.
 */
export function sourceMessageName(item: CslItem): string {
  const quotedTitle = `“${item.title ?? item.id}”`
  if (sourceKindOf(item) !== 'billVersion') return quotedTitle
  const session = item.custom?.session?.trim()
  const number = item.number?.trim()
  const bill = number ? `${number}${session ? ` (${session})` : ''}` : quotedTitle
  const label = item.custom?.versionLabel?.trim()
  const parts = parseVersionLabel(label)
  const version = parts ? [parts.verb, parts.body].filter(Boolean).join(' ') : label
  const when = [version, formatCslDate(item.issued, 'short')].filter(Boolean).join(' ')
  return when ? `${bill}, ${when}` : bill
}
