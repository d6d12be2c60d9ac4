import { diffArrays, diffWords } from 'diff'
import { billKey } from '../sources/billVersions.js'
import type { CslItem } from '../sources/cslTypes.js'
import type { CitationMention, StatementText } from './statementText.js'

/** A run of the compared text: unchanged, or inserted / deleted by the later version. */
export interface TextPart {
  kind: 'same' | 'inserted' | 'deleted'
  text: string
}

export interface CitationRef {
  sourceId: string
  locator: string | null
}

export interface VersionDiff {
  /** The whole text (blocks joined by a blank line) as unchanged, inserted and deleted runs, in order. */
  parts: TextPart[]
  /** The inserted runs, trimmed: "exactly the changed words". */
  inserted: string[]
  deleted: string[]
  citations: {
    added: CitationRef[]
    removed: CitationRef[]
    /** Same place, other version of the same bill, or the same source with another pinpoint. */
    repinned: { from: CitationRef; to: CitationRef }[]
  }
}

/** One side of a comparison: the statement's text and the sources it had then (to tell versions of one bill apart). */
export interface DiffSide {
  text: StatementText
  sources: readonly CslItem[]
}

const BLOCK_SEPARATOR = '\n\n'

/**
 * Compares two versions of a statement: the words of its text blocks with jsdiff's `diffWords` (whitespace
 * changes alone are not reported), and its citations in reading order with `diffArrays`. Within one changed
 * stretch of citations, a removed citation and an added one of the same bill (another version) or of the same
 * source (another pinpoint) are paired as re-pinned; the others are added or removed.
 */
export function diffVersions(before: DiffSide, after: DiffSide): VersionDiff {
  const changes = diffWords(before.text.blocks.join(BLOCK_SEPARATOR), after.text.blocks.join(BLOCK_SEPARATOR))
  const parts: TextPart[] = changes.map((change) => ({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same', text: change.value }))
  const changed = (kind: TextPart['kind']) => parts.filter((part) => part.kind === kind).map((part) => part.text.trim()).filter((text) => text !== '')
  return { parts, inserted: changed('inserted'), deleted: changed('deleted'), citations: diffCitations(before, after) }
}

const refOf = ({ sourceId, locator }: CitationMention): CitationRef => ({ sourceId, locator })
const keyOf = (mention: CitationMention): string => JSON.stringify([mention.sourceId, mention.locator])

function diffCitations(before: DiffSide, after: DiffSide): VersionDiff['citations'] {
  const result: VersionDiff['citations'] = { added: [], removed: [], repinned: [] }
  const beforeSources = new Map(before.sources.map((item) => [item.id, item]))
  const afterSources = new Map(after.sources.map((item) => [item.id, item]))
  const sameWork = (from: CitationRef, to: CitationRef): boolean => {
    if (from.sourceId === to.sourceId) return true
    const [a, b] = [beforeSources.get(from.sourceId), afterSources.get(to.sourceId)]
    const key = a && billKey(a)
    return key !== undefined && b !== undefined && billKey(b) === key
  }
  const beforeKeys = before.text.citations.map(keyOf)
  const afterKeys = after.text.citations.map(keyOf)
  const refs = { before: before.text.citations.map(refOf), after: after.text.citations.map(refOf) }
  let [i, j] = [0, 0]
  let removed: CitationRef[] = []
  let added: CitationRef[] = []
  const settleStretch = () => {
    const unpaired = [...added]
    for (const from of removed) {
      const match = unpaired.findIndex((to) => sameWork(from, to))
      if (match < 0) result.removed.push(from)
      else result.repinned.push({ from, to: unpaired.splice(match, 1)[0]! })
    }
    result.added.push(...unpaired)
    removed = []
    added = []
  }
  for (const change of diffArrays(beforeKeys, afterKeys)) {
    if (change.removed) {
      removed.push(...refs.before.slice(i, (i += change.count)))
    } else if (change.added) {
      added.push(...refs.after.slice(j, (j += change.count)))
    } else {
      settleStretch()
      i += change.count
      j += change.count
    }
  }
  settleStretch()
  return result
}
