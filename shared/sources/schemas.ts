import * as z from 'zod'
import { CSL_TYPES, type SourceKind } from './cslTypes.js'
import { SOURCE_FIELDS } from './fields.js'
import { authorsField, dateField, optional, optionalText, requiredText, urlField } from './fieldSchemas.js'
import { failure, fromZod, isRecord, type Checked } from './issues.js'
import type {
  BillVersionInput,
  GenericSourceInput,
  NewsArticleInput,
  OtherSourceInput,
  SourceInput,
} from './sourceInput.js'

/** Longest source id we accept (ours are 16 characters; imported ids can be Zotero URIs). */
export const MAX_SOURCE_ID_LENGTH = 200

const id = optional(
  z
    .string({ error: 'Id must be text' })
    .trim()
    .max(MAX_SOURCE_ID_LENGTH, { error: `Id must be at most ${MAX_SOURCE_ID_LENGTH} characters` }),
)

const bill = SOURCE_FIELDS.billVersion
const billVersionSchema: z.ZodType<BillVersionInput> = z.object({
  kind: z.literal('billVersion'),
  id,
  jurisdiction: requiredText(bill.jurisdiction.label),
  legislativeBody: requiredText(bill.legislativeBody.label),
  session: requiredText(bill.session.label),
  billNumber: requiredText(bill.billNumber.label).regex(/\d/, {
    error: `${bill.billNumber.label} must contain a number, like SB 54`,
  }),
  versionLabel: requiredText(bill.versionLabel.label),
  versionDate: dateField(bill.versionDate.label, { full: true }),
  title: requiredText(bill.title.label),
  status: optionalText(bill.status.label),
  url: urlField(bill.url.label),
  chapterNumber: optionalText(bill.chapterNumber.label),
})

const news = SOURCE_FIELDS.newsArticle
const newsArticleSchema: z.ZodType<NewsArticleInput> = z.object({
  kind: z.literal('newsArticle'),
  id,
  authors: authorsField({ min: 1 }),
  title: requiredText(news.title.label),
  outlet: requiredText(news.outlet.label),
  section: optionalText(news.section.label),
  date: dateField(news.date.label),
  url: urlField(news.url.label),
  accessed: optional(dateField(news.accessed.label, { full: true })),
})

const web = SOURCE_FIELDS.webPage
function genericSchema(kind: GenericSourceInput['kind']): z.ZodType<GenericSourceInput> {
  return z
    .object({
      kind: z.literal(kind),
      id,
      authors: authorsField({ min: 0 }),
      title: requiredText(web.title.label),
      publisher: optionalText(web.publisher.label),
      // A report or statement is dated; web pages often are not, and `accessed` says when it was read.
      date: kind === 'webPage' ? optional(dateField(web.date.label)) : dateField(web.date.label),
      url: urlField(web.url.label),
      accessed: optional(dateField(web.accessed.label, { full: true })),
    })
    .superRefine((input, ctx) => {
      if (input.authors.length === 0 && !input.publisher) {
        ctx.addIssue({ code: 'custom', path: ['authors'], message: 'Author or publisher is required' })
      }
    })
}

const other = SOURCE_FIELDS.other
const otherSchema: z.ZodType<OtherSourceInput> = z.object({
  kind: z.literal('other'),
  id,
  cslType: requiredText(other.cslType.label).refine((type) => CSL_TYPES.includes(type), {
    error: `${other.cslType.label} must be a CSL item type, such as book or article-journal`,
  }),
  authors: authorsField({ min: 0 }),
  title: requiredText(other.title.label),
  containerTitle: optionalText(other.containerTitle.label),
  publisher: optionalText(other.publisher.label),
  date: optional(dateField(other.date.label)),
  url: optional(urlField(other.url.label)),
  accessed: optional(dateField(other.accessed.label, { full: true })),
})

const schemas: Record<SourceKind, z.ZodType<SourceInput>> = {
  billVersion: billVersionSchema,
  newsArticle: newsArticleSchema,
  webPage: genericSchema('webPage'),
  report: genericSchema('report'),
  statement: genericSchema('statement'),
  other: otherSchema,
}

/** Every kind a form can make, in the order a kind picker shows them. */
export const SOURCE_KINDS = Object.keys(schemas) as SourceKind[]

/**
 * Checks what a source form holds (or an API body in the same shape) and returns the typed, trimmed input:
 * blank optional fields removed, blank author rows dropped. Every issue names its field.
 */
export function validateSource(value: unknown): Checked<SourceInput> {
  if (!isRecord(value)) return failure('', 'A source must be an object of fields')
  const kind = value.kind
  if (typeof kind !== 'string' || !Object.hasOwn(schemas, kind)) {
    return failure('kind', `Kind must be one of: ${SOURCE_KINDS.join(', ')}`)
  }
  return fromZod(schemas[kind as SourceKind].safeParse(value))
}
