import { beforeEach, describe, expect, test } from 'vitest'
import { CloseCode, type CloseCodeName } from '../../../shared/closeCodes.js'
import { authScenario, SECRET_TEXT, type AuthScenario } from '../../helpers/authScenario.js'
import { openRawSocket } from '../../helpers/rawSocket.js'
import { authHeaders } from '../../helpers/testAuth.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

let s: AuthScenario

beforeEach(async () => {
  s = await authScenario()
})

/**
 * Opens a raw socket to the scenario's document with exactly these headers and asks for everything (sync step
 * 1, awareness query) the moment it opens; the server must close it with `code` having sent nothing at all:
 * no document, awareness or sources content, and no other frame either.
 */
async function expectRefused(headers: Record<string, string>, code: CloseCodeName, docId = s.docId): Promise<void> {
  const raw = openRawSocket(s.server.wsUrl, docId, { auth: null, headers })
  raw.ws.once('open', () => {
    raw.ws.send(Uint8Array.of(0, 0, 1, 0)) // sync step 1 with an empty state vector: "send me the document"
    raw.ws.send(Uint8Array.of(3)) // query awareness: "who is here?"
  })
  expect(await raw.closed).toEqual({ code: CloseCode[code], reason: code })
  expect(raw.received).toEqual([])
}

describe('the websocket refuses, and sends no byte of content', () => {
  test('no credentials → 4401 unauthorized', async () => {
    await expectRefused({ origin: s.owner.origin }, 'unauthorized')
    await expectRefused({}, 'unauthorized')
  })

  test('a forged or expired session → 4401', async () => {
    await expectRefused(authHeaders(s.forged), 'unauthorized')
    await expectRefused(authHeaders(s.expired), 'unauthorized')
  })

  test('a revoked token, a made-up token or a malformed Authorization header → 4401', async () => {
    await expectRefused({ authorization: `Bearer ${s.revokedToken}` }, 'unauthorized')
    await expectRefused({ authorization: `Bearer cau_${'B'.repeat(43)}` }, 'unauthorized')
    await expectRefused({ authorization: 'Basic b3duZXI6cGFzcw==', ...authHeaders(s.owner) }, 'unauthorized')
  })

  test('a member of another document → 4404 documentNotFound, as for a document that does not exist', async () => {
    await expectRefused(authHeaders(s.outsider), 'documentNotFound')
    await expectRefused(authHeaders(s.outsider), 'documentNotFound', 'no-such-document')
  })

  test('a foreign Origin with a valid cookie, or another Host (DNS rebinding) → 4403 forbidden', async () => {
    await expectRefused({ ...authHeaders(s.owner), origin: 'https://evil.example' }, 'forbidden')
    await expectRefused({ ...authHeaders(s.owner), origin: 'null' }, 'forbidden')
    await expectRefused({ ...authHeaders(s.owner), host: 'attacker.example' }, 'forbidden')
  })
})

test('the right credentials open the document: a cookie from the own origin, or a bearer token without Origin', async () => {
  const byCookie = connectClient(s.server.wsUrl, s.docId)
  await waitForSync(byCookie.provider)
  const raw = openRawSocket(s.server.wsUrl, s.docId, { auth: null, headers: { authorization: `Bearer ${s.ownerToken.token}` } })
  await raw.opened
  raw.ws.send(Uint8Array.of(0, 0, 1, 0))
  await waitFor(() => raw.received.some((frame) => Buffer.from(frame).toString().includes(SECRET_TEXT)), { message: 'the document over the token connection' })
  expect(s.server.server.collab.connectionCount).toBe(3)
})
