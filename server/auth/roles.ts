/** A person's role on one document. */
export type Role = 'owner' | 'editor' | 'viewer'
/** What a share link may grant: never ownership. */
export type LinkRole = Exclude<Role, 'owner'>

export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer']
export const LINK_ROLES: readonly LinkRole[] = ['editor', 'viewer']

/**
 * Everything a person can do to a document. One table says which role may do what; every entry point (HTTP
 * routes, the websocket upgrade, the statement page) asks `roleAllows` through the access policy.
 */
export type DocumentAction =
  /** Open it: its title, content, sources, markdown export, the live document (read-only). */
  | 'read'
  /** Change its content and sources (websocket writes, sources import). */
  | 'edit'
  | 'rename'
  /** Move to the trash, restore, delete for good. */
  | 'trash'
  /** See and change members and share links. */
  | 'share'

const ALLOWED: Record<Role, ReadonlySet<DocumentAction>> = {
  owner: new Set(['read', 'edit', 'rename', 'trash', 'share']),
  // Editors may rename: the title is part of the draft they write together.
  editor: new Set(['read', 'edit', 'rename']),
  viewer: new Set(['read']),
}

export function roleAllows(role: Role, action: DocumentAction): boolean {
  return ALLOWED[role].has(action)
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 }

/** The stronger of two roles. */
export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
