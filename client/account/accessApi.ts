import type {
  InvitationInfo,
  LinkInfo,
  LinkTarget,
  MemberInfo,
  NewInvitationResponse,
  NewLinkResponse,
  NewTokenResponse,
  TokenInfo,
} from '../../shared/authApiTypes.js'
import type { DocumentRole } from '../../shared/apiTypes.js'
import { request } from '../api.js'

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) })
const doc = (docId: string) => `/api/docs/${encodeURIComponent(docId)}`

/** The members, share links, access tokens and invitations routes (see the README's API table). */
export const accessApi = {
  listMembers: (docId: string) => request<{ members: MemberInfo[] }>(`${doc(docId)}/members`).then((r) => r.members),
  addMember: (docId: string, email: string, role: DocumentRole) => request<{ member: MemberInfo }>(`${doc(docId)}/members`, json('POST', { email, role })),
  setMemberRole: (docId: string, userId: string, role: DocumentRole) =>
    request<{ member: MemberInfo }>(`${doc(docId)}/members/${encodeURIComponent(userId)}`, json('PATCH', { role })),
  removeMember: (docId: string, userId: string) => request<unknown>(`${doc(docId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),

  listLinks: (docId: string) => request<{ links: LinkInfo[] }>(`${doc(docId)}/links`).then((r) => r.links),
  createLink: (docId: string, role: LinkInfo['role']) => request<NewLinkResponse>(`${doc(docId)}/links`, json('POST', { role })),
  revokeLink: (docId: string, linkId: string) => request<unknown>(`${doc(docId)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),

  linkTarget: (secret: string) => request<LinkTarget>(`/api/links/${encodeURIComponent(secret)}`),
  acceptLink: (secret: string) => request<LinkTarget>(`/api/links/${encodeURIComponent(secret)}/accept`, { method: 'POST', body: '{}' }),

  listTokens: () => request<{ tokens: TokenInfo[] }>('/api/tokens').then((r) => r.tokens),
  createToken: (name: string) => request<NewTokenResponse>('/api/tokens', json('POST', { name })),
  revokeToken: (id: string) => request<unknown>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  listInvitations: () => request<{ invitations: InvitationInfo[] }>('/api/invitations').then((r) => r.invitations),
  createInvitation: (email: string | null) => request<NewInvitationResponse>('/api/invitations', json('POST', email ? { email } : {})),
  withdrawInvitation: (id: string) => request<unknown>(`/api/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A timestamp from the API as people read it. */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso))
