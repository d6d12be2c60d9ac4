import { shortHash } from '../../shared/adoption/shortHash.js'
import type { AdoptionInfo, VersionInfo, VoteInfo } from '../../shared/versions/versionApi.js'
import type { VersionRecord, VoteRecord } from '../storage/VersionStore.js'
import type { Adoption } from '../versions/adoptionOf.js'
import { ApiError } from './ApiError.js'

const iso = (ms: number): string => new Date(ms).toISOString()

export function toVersionInfo(record: VersionRecord): VersionInfo {
  return {
    number: record.number,
    name: record.name,
    kind: record.kind,
    title: record.title,
    createdAt: iso(record.createdAt),
    createdBy: record.createdBy,
    editors: record.editors,
    restoredFrom: record.restoredFrom,
    proposal: record.proposal && {
      proposedAt: iso(record.proposal.proposedAt),
      proposedBy: record.proposal.proposedBy,
      contentHash: record.proposal.contentHash,
      shortHash: shortHash(record.proposal.contentHash),
    },
    stateBytes: record.stateBytes,
  }
}

export const toVoteInfo = (vote: VoteRecord): VoteInfo => ({ voter: vote.voter, vote: vote.vote, comment: vote.comment, votedAt: iso(vote.votedAt) })

export function toAdoptionInfo({ record, votes, status }: Adoption): AdoptionInfo {
  const proposal = record.proposal!
  return {
    version: record.number,
    name: record.name ?? '',
    contentHash: proposal.contentHash,
    shortHash: shortHash(proposal.contentHash),
    proposedAt: iso(proposal.proposedAt),
    proposedBy: proposal.proposedBy,
    adopted: status.adopted,
    adoptedAt: status.adoptedAt === null ? null : iso(status.adoptedAt),
    approvals: votes.filter((vote) => vote.vote === 'approve').map(toVoteInfo),
    objections: votes.filter((vote) => vote.vote === 'object').map(toVoteInfo),
  }
}

/** A version number from the path: a whole number from 1 (400 otherwise; an unknown one is the caller's 404). */
export function versionNumber(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new ApiError(400, 'invalid_version', `"${raw.slice(0, 40)}" is not a version number: versions are numbered 1, 2, 3…`)
  return Number(raw)
}

export const versionNotFound = (docId: string, number: number): ApiError =>
  new ApiError(404, 'version_not_found', `Document "${docId}" has no version ${number}. The list of its versions is at /api/docs/${docId}/versions.`)
