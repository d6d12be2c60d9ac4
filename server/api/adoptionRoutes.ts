import { Hono } from 'hono'
import { shortHash } from '../../shared/adoption/shortHash.js'
import { ProposeVersionBody, VoteBody, type AdoptionAnswer } from '../../shared/versions/versionApi.js'
import { adoptionOf, latestAdoption } from '../versions/adoptionOf.js'
import { loadVersion } from '../versions/versionDocument.js'
import { ApiError } from './ApiError.js'
import type { ApiDeps } from './apiDeps.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { requireLiveDocumentAccess } from './documentAccess.js'
import { inRoom } from './liveDocument.js'
import { readJsonBody } from './validation.js'
import { toAdoptionInfo, toVersionInfo, toVoteInfo, versionNotFound, versionNumber } from './versionInfo.js'
import { authorOf } from './versionsRoutes.js'

/**
 * Adoption: an owner or editor proposes a version (it is frozen with its content hash), owners and editors
 * approve it or object (one vote each, changeable), and `GET /api/docs/:id/adoption` says where the latest
 * proposal stands and whether the live text is still exactly that version's.
 */
export function adoptionRoutes({ storage, collab, policy }: ApiDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.post('/:id/versions/:v/propose', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'edit', 'propose a version')
    const number = versionNumber(c.req.param('v'))
    const body = await readJsonBody(c, ProposeVersionBody)
    const loaded = await loadVersion(storage, record.id, number)
    if (!loaded) throw versionNotFound(record.id, number)
    if (loaded.record.proposal) throw alreadyProposed(number)
    const name = body.name ?? loaded.record.name
    if (!name) throw new ApiError(400, 'name_required', `Version ${number} has no name: give it one to propose it ({"name": "Final text for adoption"}).`)
    const { contentHash } = await import('../../shared/adoption/contentHash.js')
    const hash = await contentHash(loaded.doc)
    loaded.doc.destroy()
    const proposed = await storage.versions.propose(record.id, number, { name, proposedAt: Date.now(), proposedBy: authorOf(requirePrincipal(c)), contentHash: hash })
    if (!proposed) throw alreadyProposed(number)
    return c.json({ version: toVersionInfo(proposed), adoption: toAdoptionInfo((await adoptionOf(storage, proposed))!) })
  })

  routes.get('/:id/versions/:v/votes', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'see its votes')
    const number = versionNumber(c.req.param('v'))
    const version = await storage.versions.get(record.id, number)
    if (!version) throw versionNotFound(record.id, number)
    const votes = await storage.versions.votes(record.id, number)
    return c.json({ votes: votes.map(toVoteInfo) })
  })

  routes.post('/:id/versions/:v/votes', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'edit', 'vote on a version')
    const number = versionNumber(c.req.param('v'))
    const body = await readJsonBody(c, VoteBody)
    const version = await storage.versions.get(record.id, number)
    if (!version) throw versionNotFound(record.id, number)
    if (!version.proposal) {
      throw new ApiError(409, 'version_not_proposed', `Version ${number} has not been proposed for adoption: propose it first (POST /api/docs/${record.id}/versions/${number}/propose).`)
    }
    const comment = body.comment === undefined || body.comment === '' ? null : body.comment
    await storage.versions.setVote({ docId: record.id, number, voter: authorOf(requirePrincipal(c)), vote: body.vote, comment, votedAt: Date.now() })
    return c.json({ adoption: toAdoptionInfo((await adoptionOf(storage, version))!) })
  })

  routes.get('/:id/adoption', async (c) => {
    const { record } = await requireLiveDocumentAccess(c, policy, c.req.param('id'), 'read', 'see its adoption')
    const adoption = await latestAdoption(storage, record.id)
    const { canonicalContent, sha256Hex } = await import('../../shared/adoption/contentHash.js')
    const liveHash = await sha256Hex(await inRoom(collab, record.id, (room) => canonicalContent(room.doc)))
    const body: AdoptionAnswer = {
      adoption: adoption && toAdoptionInfo(adoption),
      live: { contentHash: liveHash, shortHash: shortHash(liveHash), matchesProposal: adoption ? adoption.record.proposal!.contentHash === liveHash : null },
    }
    c.header('cache-control', 'no-store')
    return c.json(body)
  })

  return routes
}

const alreadyProposed = (number: number): ApiError =>
  new ApiError(409, 'already_proposed', `Version ${number} is already proposed for adoption; its name and text are frozen. Vote on it, or propose a newer version.`)
