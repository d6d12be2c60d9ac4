import { sourceKindOf, type CslItem } from './cslTypes.js'
import { compareDateParts, cslDateParts } from './dates.js'

/**
 * Each bill version is its own source; versions of one bill share jurisdiction + session + bill number.
 * Grouping lets the editor say "a later version of the bill you cite exists".
 */

/** All versions of one bill, oldest first. */
export interface BillGroup {
  key: string
  jurisdiction: string
  session: string
  /** The bill number as the latest version writes it. */
  number: string
  versions: CslItem[]
}

/** One spelling for a bill number: "SB 54", "SB-54", "S.B. 054" and "sb54" all become "SB54". */
export function normalizeBillNumber(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/(^|[A-Z])0+(?=\d)/g, '$1')
}

/** One spelling for a session: "2017–18", "2017 - 2018" and "2017-2018" all become "2017-2018". */
export function normalizeSession(text: string): string {
  const plain = text.trim().toLowerCase().replace(/\s*[-‐‑‒–—―]\s*/g, '-').replace(/\s+/g, ' ')
  return plain.replace(/^(\d{2})(\d{2})-(\d{2})\b/, (_, century: string, start: string, end: string) => `${century}${start}-${century}${end}`)
}

function normalizeJurisdiction(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** The identity of the bill an item is a version of; undefined for non-bills and bills without a number. */
export function billKey(item: CslItem): string | undefined {
  if (sourceKindOf(item) !== 'billVersion' || !item.number) return undefined
  const parts = [normalizeJurisdiction(item.jurisdiction ?? ''), normalizeSession(item.custom?.session ?? ''), normalizeBillNumber(String(item.number))]
  return JSON.stringify(parts)
}

/**
 * Where a version label sits in a bill's life: Introduced < Amended… < Passed…/Engrossed < Enrolled <
 * Chaptered. Free-text labels rank with the amendments. Only breaks ties between versions of the same date.
 */
export function versionStage(label: string | undefined): number {
  const text = (label ?? '').trim().toLowerCase()
  const stages: [RegExp, number][] = [
    [/^introduced\b/, 0],
    [/^amended\b/, 1],
    [/^(passed|engrossed)\b/, 2],
    [/^enrolled\b/, 3],
    [/^chaptered\b/, 4],
  ]
  return stages.find(([pattern]) => pattern.test(text))?.[1] ?? 1
}

/** Orders versions of one bill oldest first: by version date (undated first), then stage, then label. */
export function compareBillVersions(a: CslItem, b: CslItem): number {
  const [dateA, dateB] = [cslDateParts(a.issued), cslDateParts(b.issued)]
  if (dateA && dateB) {
    const byDate = compareDateParts(dateA, dateB)
    if (byDate !== 0) return byDate
  } else if (dateA || dateB) {
    return dateA ? 1 : -1
  }
  const [labelA, labelB] = [a.custom?.versionLabel, b.custom?.versionLabel]
  return versionStage(labelA) - versionStage(labelB) || (labelA ?? '').localeCompare(labelB ?? '')
}

function oldestFirst(a: CslItem, b: CslItem): number {
  // Ids only make the order deterministic across peers; they say nothing about which version is newer.
  return compareBillVersions(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The bills among `items`, each with its versions oldest first; groups ordered by jurisdiction, session, number. */
export function groupBills(items: readonly CslItem[]): BillGroup[] {
  const byKey = new Map<string, CslItem[]>()
  for (const item of items) {
    const key = billKey(item)
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), item])
  }
  const groups = [...byKey].map(([key, versions]): BillGroup => {
    const sorted = [...versions].sort(oldestFirst)
    const latest = sorted[sorted.length - 1]!
    const [jurisdiction, session] = [latest.jurisdiction ?? '', latest.custom?.session ?? '']
    return { key, jurisdiction, session, number: String(latest.number), versions: sorted }
  })
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
  const order = (group: BillGroup) => [group.jurisdiction, group.session, normalizeBillNumber(group.number)]
  return groups.sort((a, b) => {
    const [left, right] = [order(a), order(b)]
    return left.reduce((result, part, index) => result || collator.compare(part, right[index]!), 0)
  })
}

/** The most recent version of a bill. */
export function latestVersion(group: BillGroup): CslItem {
  return group.versions[group.versions.length - 1]!
}

/** The latest version of the same bill, when it is later than `item`; undefined when `item` is current. */
export function newerVersionOf(items: readonly CslItem[], item: CslItem): CslItem | undefined {
  const key = billKey(item)
  if (key === undefined) return undefined
  const siblings = items.filter((other) => billKey(other) === key)
  const latest = [...siblings].sort(oldestFirst).pop()
  return latest && latest.id !== item.id && compareBillVersions(latest, item) > 0 ? latest : undefined
}
