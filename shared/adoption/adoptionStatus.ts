/** A vote as the adoption rules read it. */
export interface CountedVote {
  vote: 'approve' | 'object'
  votedAt: number
}

export interface AdoptionStatus {
  /** At least one approval and no objection standing. */
  adopted: boolean
  /** When the last of the approvals standing was given (null until adopted). */
  adoptedAt: number | null
  approvals: number
  objections: number
}

/**
 * Whether a proposed version is adopted: once at least one member approves it and no member's vote is an
 * objection. An objection changed to an approval counts as an approval from then on. The date of adoption is the
 * time of the latest approval, so it is fixed by the votes alone (an export made later reads the same).
 */
export function adoptionStatus(votes: readonly CountedVote[]): AdoptionStatus {
  const approvals = votes.filter((vote) => vote.vote === 'approve')
  const objections = votes.length - approvals.length
  const adopted = approvals.length > 0 && objections === 0
  return { adopted, adoptedAt: adopted ? Math.max(...approvals.map((vote) => vote.votedAt)) : null, approvals: approvals.length, objections }
}
