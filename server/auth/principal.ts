/** How a request or connection proved who it is: which session or access token (by id, never the secret). */
export interface Credential {
  kind: 'session' | 'token'
  id: string
}

/** A signed-in person, as every access check sees them. */
export interface Principal {
  userId: string
  email: string
  name: string
  isAdmin: boolean
  credential: Credential
}
