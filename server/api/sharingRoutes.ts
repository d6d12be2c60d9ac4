import { Hono } from 'hono'
import {
  AddMemberBody,
  ChangeMemberBody,
  CreateLinkBody,
  type LinkInfo,
  type LinkTarget,
  type MemberInfo,
  type NewLinkResponse,
} from '../../shared/authApiTypes.js'
import type { MemberChange, MemberRecord, ShareLinkRecord } from '../auth/AccountStore.js'
import { hashSecret, looksLikeSecret, newId, newSecret } from '../auth/secrets.js'
import { ApiError } from './ApiError.js'
import type { ApiDeps } from './apiDeps.js'
import type { AppEnv } from './appEnv.js'
import { requirePrincipal } from './authMiddleware.js'
import { requireDocumentAccess } from './documentAccess.js'
import { isoTime } from './userInfo.js'
import { readJsonBody } from './validation.js'

const toMemberInfo = (member: MemberRecord): MemberInfo => ({
  userId: member.userId,
  email: member.email,
  name: member.name,
  role: member.role,
  viaLink: member.viaLink,
})

const toLinkInfo = (link: ShareLinkRecord): LinkInfo => ({ id: link.id, role: link.role, createdAt: isoTime(link.createdAt), createdBy: link.createdBy })

/** The path of a share link's page: the client shows "join this document" there, and accepts after sign-in. */
export const JOIN_PATH = '/join'

function memberChangeRefused(change: Exclude<MemberChange, 'ok'>): ApiError {
  if (change === 'not_member') return new ApiError(404, 'member_not_found', 'This person is not a member of the document.')
  return new ApiError(409, 'last_owner', 'A document keeps at least one owner: make someone else an owner first.')
}

/**
 * `/api/docs/:id/members` and `/api/docs/:id/links` (owners only), and `/api/links/:token` (anyone signed in
 * who holds a link). Every change that can take access away re-checks the open connections it concerns.
 */
export function sharingRoutes({ accounts, policy, site, storage }: ApiDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  const store = accounts.store
  const owners = (c: Parameters<typeof requireDocumentAccess>[0]) => requireDocumentAccess(c, policy, c.req.param('id') ?? '', 'share')

  routes.get('/docs/:id/members', async (c) => {
    const { record } = await owners(c)
    return c.json({ members: (await store.listMembers(record.id)).map(toMemberInfo) })
  })

  routes.post('/docs/:id/members', async (c) => {
    const { record } = await owners(c)
    const { email, role } = await readJsonBody(c, AddMemberBody)
    const user = await store.findUserByEmail(email)
    if (!user) throw new ApiError(404, 'user_not_found', `No account uses ${email}. Ask an admin to invite them, or share a link once they have signed up.`)
    if (!(await store.addMember(record.id, user.id, role, Date.now()))) {
      throw new ApiError(409, 'already_member', `${user.name} is already a member: change their role instead.`)
    }
    accounts.events.emit({ docId: record.id, userId: user.id })
    const member = (await store.listMembers(record.id)).find((m) => m.userId === user.id)!
    return c.json({ member: toMemberInfo(member) }, 201)
  })

  routes.patch('/docs/:id/members/:userId', async (c) => {
    const { record } = await owners(c)
    const userId = c.req.param('userId')
    const { role } = await readJsonBody(c, ChangeMemberBody)
    const change = await store.setMemberRole(record.id, userId, role)
    if (change !== 'ok') throw memberChangeRefused(change)
    accounts.events.emit({ docId: record.id, userId })
    const member = (await store.listMembers(record.id)).find((m) => m.userId === userId)!
    return c.json({ member: toMemberInfo(member) })
  })

  routes.delete('/docs/:id/members/:userId', async (c) => {
    const userId = c.req.param('userId')
    // Any member may leave a document; removing someone else is for owners.
    const leaving = requirePrincipal(c).userId === userId
    const { record } = await requireDocumentAccess(c, policy, c.req.param('id'), leaving ? 'read' : 'share')
    const change = await store.removeMember(record.id, userId)
    if (change !== 'ok') throw memberChangeRefused(change)
    accounts.events.emit({ docId: record.id, userId })
    return c.json({ removed: userId })
  })

  routes.get('/docs/:id/links', async (c) => {
    const { record } = await owners(c)
    return c.json({ links: (await store.listShareLinks(record.id)).map(toLinkInfo) })
  })

  routes.post('/docs/:id/links', async (c) => {
    const { record } = await owners(c)
    const { role } = await readJsonBody(c, CreateLinkBody)
    const secret = newSecret('lnk')
    const link: ShareLinkRecord = { id: newId(), docId: record.id, role, createdBy: requirePrincipal(c).userId, createdAt: Date.now() }
    await store.createShareLink({ ...link, secretHash: hashSecret(secret) })
    const created: NewLinkResponse = { ...toLinkInfo(link), url: `${site.primary}${JOIN_PATH}/${secret}` }
    c.header('cache-control', 'no-store')
    return c.json(created, 201)
  })

  routes.delete('/docs/:id/links/:linkId', async (c) => {
    const { record } = await owners(c)
    const linkId = c.req.param('linkId')
    const { deleted } = await store.deleteShareLink(record.id, linkId)
    if (!deleted) throw new ApiError(404, 'link_not_found', 'This document has no share link with this id.')
    // Everyone who joined through the link loses it.
    accounts.events.emit({ docId: record.id })
    return c.json({ revoked: linkId })
  })

  const findLink = async (token: string): Promise<{ link: ShareLinkRecord; title: string }> => {
    const link = looksLikeSecret(token, 'lnk') ? await store.findShareLink(hashSecret(token)) : undefined
    const record = link && (await storage.getDocument(link.docId))
    if (!link || !record) throw new ApiError(404, 'link_not_found', 'This share link does not exist or was revoked. Ask for a new one.')
    if (record.deletedAt !== null) throw new ApiError(410, 'document_in_trash', 'The document this link shares is in the trash.')
    return { link, title: record.title }
  }

  routes.get('/links/:token', async (c) => {
    requirePrincipal(c)
    const { link, title } = await findLink(c.req.param('token'))
    const target: LinkTarget = { docId: link.docId, title, role: link.role }
    return c.json(target)
  })

  routes.post('/links/:token/accept', async (c) => {
    const principal = requirePrincipal(c)
    const { link, title } = await findLink(c.req.param('token'))
    const role = await store.acceptShareLink(link, principal.userId, Date.now())
    accounts.events.emit({ docId: link.docId, userId: principal.userId })
    const target: LinkTarget = { docId: link.docId, title, role }
    return c.json(target)
  })

  return routes
}
