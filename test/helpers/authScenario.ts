import * as Y from 'yjs'
import { hashSecret, newId, newSecret } from '../../server/auth/secrets.js'
import { standInClientDir } from './standInClient.js'
import { createDoc, startTestServer, type TestServer } from './testServer.js'
import { addMember, apiFetch, type Credentials } from './testAuth.js'
import { waitFor } from './waitFor.js'
import { connectClient, waitForSync, type TestClient } from './yClient.js'

/** Words written into the scenario's document: a refused request or connection must never see them. */
export const SECRET_TEXT = 'Confidential draft: raids planned for Tuesday'
export const SECRET_PRESENCE = 'Owner Olga (present)'

export interface AuthScenario {
  server: TestServer
  /** The owner of `docId` (the server's default user), connected with presence. */
  owner: Credentials
  ownerClient: TestClient
  docId: string
  viewer: Credentials
  editor: Credentials
  /** Signed in, a member of another document only. */
  outsider: Credentials
  outsiderDocId: string
  /** A share link of `docId` (viewer), its id and secret. */
  link: { id: string; token: string }
  /** Credentials that look right and are not: a made-up session, an expired one, a revoked token. */
  forged: Credentials
  expired: Credentials
  revokedToken: string
  /** A live token of the owner. */
  ownerToken: { id: string; token: string }
}

async function json<T>(response: Response, status: number): Promise<T> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

/** One server with a confidential document, its people, and every kind of credential a refusal test needs. */
export async function authScenario(): Promise<AuthScenario> {
  const server = await startTestServer({ clientDir: standInClientDir() })
  const owner = server.auth!
  const docId = await createDoc(server.url, 'Confidential statement')
  const ownerClient = connectClient(server.wsUrl, docId, { savedAcks: true })
  await waitForSync(ownerClient.provider)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(SECRET_TEXT)])
  ownerClient.doc.getXmlFragment('default').insert(0, [paragraph])
  ownerClient.awareness.setLocalStateField('user', { name: SECRET_PRESENCE, color: '#1f6feb' })
  await waitFor(() => ownerClient.saved!.isAllSaved(), { message: 'the secret text to be saved' })

  const [viewer, editor, outsider] = [await server.signUp('Vera Viewer'), await server.signUp('Eddie Editor'), await server.signUp('Otto Outsider')]
  await addMember(server.url, docId, viewer, 'viewer')
  await addMember(server.url, docId, editor, 'editor')
  const outsiderDocId = await createDoc(server.url, 'Another group', outsider)

  const post = (path: string, body: unknown, auth?: Credentials) =>
    apiFetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), auth })
  const linkAnswer = await json<{ id: string; url: string }>(await post(`/api/docs/${docId}/links`, { role: 'viewer' }), 201)
  const link = { id: linkAnswer.id, token: linkAnswer.url.split('/join/')[1]! }

  const ownerToken = await json<{ id: string; token: string }>(await post('/api/tokens', { name: 'script' }), 201)
  const revoked = await json<{ id: string; token: string }>(await post('/api/tokens', { name: 'old script' }, outsider), 201)
  await json(await apiFetch(`${server.url}/api/tokens/${revoked.id}`, { method: 'DELETE', auth: outsider }), 200)

  const forged: Credentials = { ...owner, session: newSecret('ses') }
  // A session of the owner's that ended yesterday (written as the store would have written it).
  const expiredSecret = newSecret('ses')
  const now = Date.now()
  await server.server.accounts.store.createSession({ id: newId(), secretHash: hashSecret(expiredSecret), userId: owner.userId, createdAt: now - 2 * 86_400_000, expiresAt: now - 86_400_000 })
  const expired: Credentials = { ...owner, session: expiredSecret }

  return { server, owner, ownerClient, docId, viewer, editor, outsider, outsiderDocId, link, forged, expired, revokedToken: revoked.token, ownerToken }
}
