import { adoptionNote } from '../../shared/adoption/adoptionNote.js'
import { exportMarkdown, type ExportStyle, type FurtherReading } from '../../shared/export/exportMarkdown.js'
import type { Storage } from '../storage/Storage.js'
import type { VersionRecord } from '../storage/VersionStore.js'
import { adoptionOf } from './adoptionOf.js'
import { loadVersion } from './versionDocument.js'

export interface VersionExportOptions {
  style: ExportStyle
  furtherReading: FurtherReading
  frontMatter: boolean
  /** End with the adoption note (the version must be adopted). */
  adopted: boolean
}

/** Why a version could not be exported: it does not exist, or an adoption note was asked of a version not adopted. */
export class VersionExportError extends Error {
  constructor(
    readonly reason: 'notFound' | 'notAdopted',
    message: string,
  ) {
    super(message)
    this.name = 'VersionExportError'
  }
}

/** "2026-12-05": the UTC date of a moment (what front matter's `date` says for a version). */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/**
 * The markdown export of a stored version, from stored facts only (the version's state, title, date and votes),
 * never the clock or the live document: exporting the same version gives the same bytes whenever it is done,
 * after restarts and compactions. Front matter's date is the day the version was taken (UTC).
 */
export async function exportVersion(storage: Storage, docId: string, number: number, options: VersionExportOptions): Promise<{ markdown: string; record: VersionRecord }> {
  const loaded = await loadVersion(storage, docId, number)
  if (!loaded) throw new VersionExportError('notFound', `Document "${docId}" has no version ${number}.`)
  const { record, doc } = loaded
  let closingSection: string | undefined
  if (options.adopted) {
    const adoption = await adoptionOf(storage, record)
    if (!adoption?.status.adopted) {
      const why = adoption ? 'it has no approval yet, or an objection stands' : 'it was never proposed for adoption'
      throw new VersionExportError('notAdopted', `Version ${number} is not adopted (${why}), so its export cannot carry an adoption note.`)
    }
    closingSection = adoptionNote(
      {
        versionNumber: record.number,
        versionName: record.name ?? '',
        adoptedAt: adoption.status.adoptedAt!,
        approvals: adoption.votes.filter((vote) => vote.vote === 'approve').map((vote) => ({ name: vote.voter.name, votedAt: vote.votedAt })),
        contentHash: record.proposal!.contentHash,
      },
      options.style === 'pandoc' ? 'pandoc' : 'gfm',
    )
  }
  const markdown = exportMarkdown(doc, {
    style: options.style,
    furtherReading: options.furtherReading,
    frontMatter: options.frontMatter ? { title: record.title || undefined, date: isoDate(record.createdAt) } : false,
    closingSection,
  })
  doc.destroy()
  return { markdown, record }
}
