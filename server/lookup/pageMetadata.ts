import { load, type CheerioAPI } from 'cheerio'

/**
 * What a page says about itself, read from its markup with cheerio. Sites describe themselves in several
 * vocabularies, often inconsistently; each field is taken from the first of these that has it, most
 * deliberate first: Highwire `citation_*` tags (written for citation managers), JSON-LD, OpenGraph with
 * `article:*`, Dublin Core, and last the `<title>`.
 */

export interface PageAuthor {
  name: string
  /** An organisation's name, never split into family and given names. */
  organisation?: boolean
}

/** `news` for news articles, `report` for reports; anything else is a web page. */
export type PageKind = 'news' | 'report' | 'page'

export interface PageMetadata {
  title?: string
  authors?: PageAuthor[]
  /** The newspaper or site the page belongs to. */
  siteName?: string
  publisher?: string
  section?: string
  /** As the page writes it (ISO, or "2019/04/02"); `isoDay` makes it a date. */
  date?: string
  kind?: PageKind
}

/** The page's metadata, each field from the highest-ranked vocabulary that gives it. */
export function readPageMetadata(html: string): PageMetadata {
  const $ = load(html)
  const layers = [highwire($), jsonLd($), openGraph($), dublinCore($), { title: text($('title').first().text()) }]
  const merged: PageMetadata = {}
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as [keyof PageMetadata, unknown][]) {
      if (merged[key] === undefined && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
        ;(merged as Record<string, unknown>)[key] = value
      }
    }
  }
  return merged
}

/** Trimmed text with runs of white space folded; undefined when empty. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const folded = value.replace(/\s+/g, ' ').trim()
  return folded === '' ? undefined : folded
}

/** Every `content` of `<meta name=…>` or `<meta property=…>` whose name is one of `names` (any case). */
function metaAll($: CheerioAPI, ...names: string[]): string[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()))
  return $('meta')
    .toArray()
    .filter((element) => wanted.has(($(element).attr('name') ?? $(element).attr('property') ?? '').trim().toLowerCase()))
    .map((element) => text($(element).attr('content')))
    .filter((value): value is string => value !== undefined)
}

const meta = ($: CheerioAPI, ...names: string[]): string | undefined => metaAll($, ...names)[0]

const people = (names: string[]): PageAuthor[] => names.map((name) => ({ name }))

function highwire($: CheerioAPI): PageMetadata {
  return {
    title: meta($, 'citation_title'),
    authors: people(metaAll($, 'citation_author')),
    siteName: meta($, 'citation_journal_title', 'citation_conference_title'),
    publisher: meta($, 'citation_publisher', 'citation_technical_report_institution'),
    date: meta($, 'citation_publication_date', 'citation_date', 'citation_online_date'),
    kind: meta($, 'citation_technical_report_number') ? 'report' : undefined,
  }
}

const JSON_LD_TYPES: Record<string, PageKind> = { NewsArticle: 'news', Article: 'news', Report: 'report', Legislation: 'page' }

function jsonLd($: CheerioAPI): PageMetadata {
  const node = $('script[type="application/ld+json"]')
    .toArray()
    .flatMap((element) => jsonNodes($(element).text()))
    .find((candidate) => typesOf(candidate).some((type) => type in JSON_LD_TYPES))
  if (!node) return {}
  const type = typesOf(node).find((candidate) => candidate in JSON_LD_TYPES)!
  const section = Array.isArray(node.articleSection) ? node.articleSection[0] : node.articleSection
  return {
    title: text(node.headline) ?? text(node.name),
    authors: ldAgents(node.author),
    siteName: ldName(node.isPartOf) ?? (type === 'Report' ? undefined : ldName(node.publisher)),
    publisher: ldName(node.publisher),
    section: text(section),
    date: text(node.datePublished) ?? text(node.dateCreated) ?? text(node.legislationDate),
    kind: JSON_LD_TYPES[type],
  }
}

type JsonNode = Record<string, unknown>

/** The objects in a JSON-LD script: one, a list, or an `@graph`; a script that does not parse gives none. */
function jsonNodes(source: string): JsonNode[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(source)
  } catch {
    return []
  }
  const list = Array.isArray(parsed) ? parsed : [parsed]
  return list.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return []
    const graph = (item as JsonNode)['@graph']
    return Array.isArray(graph) ? [item as JsonNode, ...graph.filter((entry) => typeof entry === 'object' && entry !== null)] : [item as JsonNode]
  })
}

function typesOf(node: JsonNode): string[] {
  const type = node['@type']
  return (Array.isArray(type) ? type : [type]).filter((entry): entry is string => typeof entry === 'string')
}

function ldName(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value)
  if (Array.isArray(value)) return ldName(value[0])
  return typeof value === 'object' && value !== null ? text((value as JsonNode).name) : undefined
}

function ldAgents(value: unknown): PageAuthor[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.flatMap((agent): PageAuthor[] => {
    const name = ldName(agent)
    if (!name) return []
    const organisation = typeof agent === 'object' && agent !== null && typesOf(agent as JsonNode).includes('Organization')
    return [organisation ? { name, organisation } : { name }]
  })
}

function openGraph($: CheerioAPI): PageMetadata {
  // article:author is often a profile URL, which names nobody.
  const authors = metaAll($, 'article:author').filter((name) => !/^https?:\/\//i.test(name))
  return {
    title: meta($, 'og:title'),
    authors: people(authors),
    siteName: meta($, 'og:site_name'),
    section: meta($, 'article:section'),
    date: meta($, 'article:published_time'),
    kind: meta($, 'og:type')?.toLowerCase() === 'article' ? 'news' : undefined,
  }
}

function dublinCore($: CheerioAPI): PageMetadata {
  return {
    title: meta($, 'dc.title', 'dcterms.title'),
    authors: people(metaAll($, 'dc.creator', 'dcterms.creator')),
    publisher: meta($, 'dc.publisher', 'dcterms.publisher'),
    date: meta($, 'dc.date', 'dcterms.date', 'dcterms.issued', 'dcterms.created'),
  }
}
