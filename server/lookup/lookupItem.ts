import { californiaBillFromUrl } from '../../shared/sources/californiaBills.js'
import { toCsl } from '../../shared/sources/convert.js'
import { parseCslItem } from '../../shared/sources/cslItem.js'
import type { CslItem } from '../../shared/sources/cslTypes.js'
import { MAX_AUTHORS, MAX_TEXT_LENGTH } from '../../shared/sources/fieldSchemas.js'
import type { PersonInput, SourceInput } from '../../shared/sources/sourceInput.js'
import { lookupError } from './lookupErrors.js'
import type { PageAuthor, PageMetadata } from './pageMetadata.js'

/**
 * A page's metadata as the CSL item the source form opens with: a news article, report or web page, or a
 * California bill version when the link names one. The item is a draft for the person to review: it declares
 * its Caucus kind only when it already has everything that kind's form requires, so it always passes
 * `parseCslItem`, and the form (which infers the kind from the CSL type) shows what is still missing.
 */
export function itemFromPage(requestedUrl: string, pageUrl: string, metadata: PageMetadata, today: string): CslItem {
  const title = clip(metadata.title)
  if (!title) throw lookupError('no_title')
  const date = isoDay(metadata.date)
  const bill = californiaBillFromUrl(requestedUrl) ?? californiaBillFromUrl(pageUrl)
  let input: SourceInput
  if (bill) {
    // The person picks the version: its label and date are left empty on purpose.
    input = { kind: 'billVersion', ...bill, versionLabel: '', versionDate: '', title: billTitle(title), url: requestedUrl.trim() }
  } else {
    const authors = (metadata.authors ?? []).slice(0, MAX_AUTHORS).map(person)
    const common = { authors, title, url: pageUrl, accessed: today, ...(date ? { date } : {}) }
    if (metadata.kind === 'news') {
      input = { kind: 'newsArticle', ...common, date: date ?? '', outlet: clip(metadata.siteName ?? metadata.publisher) ?? '', ...optional('section', metadata.section) }
    } else {
      input = { kind: metadata.kind === 'report' ? 'report' : 'webPage', ...common, ...optional('publisher', metadata.publisher ?? metadata.siteName) }
    }
  }
  const item = toCsl(input)
  if (!parseCslItem(item).ok) delete item.custom?.caucusKind
  if (item.custom && Object.keys(item.custom).length === 0) delete item.custom
  return item
}

function clip(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.slice(0, MAX_TEXT_LENGTH)
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const clipped = clip(value)
  return clipped ? ({ [key]: clipped } as Record<K, string>) : {}
}

/** "Marisol Rivera" and "Rivera, Marisol" as family and given names; organisations and single names whole. */
function person(author: PageAuthor): PersonInput {
  const name = author.name.slice(0, MAX_TEXT_LENGTH)
  if (author.organisation) return { literal: name }
  const comma = name.indexOf(',')
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() || undefined } as PersonInput
  const space = name.lastIndexOf(' ')
  return space > 0 ? { family: name.slice(space + 1), given: name.slice(0, space) } : { literal: name }
}

/** The day (or month, or year) a page's date names, as ISO text; undefined when it names no real date. */
export function isoDay(value: string | undefined): string | undefined {
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/.exec(value?.trim() ?? '')
  if (!match) return undefined
  const [, year, month, day] = match
  const parts = [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean)
  const iso = parts.join('-')
  // Rejects 2019-13-45 and the like: Date rolls them over, so the round trip would differ.
  const parsed = new Date(`${iso}T00:00:00Z`)
  if (day && (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)) return undefined
  if (month && !day && (Number(month) < 1 || Number(month) > 12)) return undefined
  return iso
}

/** leginfo titles read "SB-54 Law enforcement: sharing data." after a page name; the bill's title is the rest. */
function billTitle(title: string): string {
  return title.replace(/^Bill\s+[\w ]+?\s+-\s+/i, '').replace(/^[A-Z]{2,4}-\d+\s+/, '').trim() || title
}
