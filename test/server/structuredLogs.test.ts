import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { startChildServer } from '../helpers/childServer.js'
import { openRawSocket } from '../helpers/rawSocket.js'
import { appendParagraph } from '../helpers/statementBody.js'
import { tempDir } from '../helpers/tempDir.js'
import { SESSION_COOKIE, apiFetch, type Credentials } from '../helpers/testAuth.js'
import { createDoc } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

interface LogLine {
  level: string
  msg: string
  event?: string
  docId?: string
  connection?: number
  closeCode?: { code: number; name: string }
  closedBy?: string
  url?: string
}

/** Every line of one stream as JSON; a line that is not JSON fails the test, quoted. */
function parseLines(stream: string, name: string): LogLine[] {
  return stream
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine
      } catch {
        throw new Error(`a line on ${name} is not JSON: ${line}`)
      }
    })
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(url).origin, ...headers }, body: JSON.stringify(body) })
}

test('the server logs one JSON line per event, with document, connection and close code, and never a credential or the document', { timeout: 60_000 }, async () => {
  const server = await startChildServer(tempDir())
  const password = `a long password ${randomUUID()}`
  const marker = `The working group endorses the statement on water rights ${randomUUID()}.`

  // A person with a known password: signed up, then signed in (the session cookie we will look for).
  expect((await post(`${server.url}/api/auth/signup`, { email: 'logs@example.org', name: 'Lou Logs', password })).status).toBe(201)
  const login = await post(`${server.url}/api/auth/login`, { email: 'logs@example.org', password })
  expect(login.status).toBe(200)
  const session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')![1]!
  const { user } = (await login.json()) as { user: { id: string } }
  const lou: Credentials = { userId: user.id, email: 'logs@example.org', name: 'Lou Logs', session, origin: server.url }
  const created = await apiFetch(`${server.url}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"log test"}', auth: lou })
  expect(created.status).toBe(201)
  const { token } = (await created.json()) as { token: string }
  const docId = await createDoc(server.url, 'Water rights', lou)

  // A script with the token types the marker sentence, and waits until the server has stored it.
  const script = connectClient(server.wsUrl, docId, { auth: null, headers: { authorization: `Bearer ${token}` }, savedAcks: true })
  await waitForSync(script.provider)
  appendParagraph(script.doc, marker)
  await waitFor(() => script.saved!.isAllSaved(), { message: 'the marker sentence to be saved' })

  // A malformed frame that carries the marker's bytes (an update that claims more bytes than follow): refused.
  const raw = openRawSocket(server.wsUrl, docId, { auth: null, headers: { authorization: `Bearer ${token}` } })
  await raw.opened
  const markerBytes = new TextEncoder().encode(marker)
  raw.ws.send(Uint8Array.of(0, 2, 0xff, 0x01, ...markerBytes))
  expect(await raw.closed).toEqual({ code: 4400, reason: 'malformedMessage' })
  // The session cookie on a websocket too, closed for a text frame that is the marker itself.
  const withCookie = openRawSocket(server.wsUrl, docId, { auth: lou })
  await withCookie.opened
  withCookie.ws.send(marker)
  expect((await withCookie.closed).code).toBe(4415)

  const exit = await server.kill('SIGTERM')
  script.destroy()
  expect(exit, server.output()).toEqual({ code: 0, signal: null })

  const lines = [...parseLines(server.stdout(), 'stdout'), ...parseLines(server.stderr(), 'stderr')]
  const output = server.output()
  expect(output).not.toContain(password)
  expect(output).not.toContain(token)
  expect(output).not.toContain(session)
  expect(output).not.toContain(marker)

  // The start-up line: what tests and the benchmark read the address from captures exactly the URL.
  const started = lines.find((line) => line.event === 'server.started')!
  expect(started.url).toBe(server.url)
  expect(/Caucus is running at (http:\/\/\S+)/.exec(server.stdout())?.[1]).toBe(server.url)

  const closes = lines.filter((line) => line.event === 'connection.closed' && line.docId === docId)
  const refused = closes.find((line) => line.closeCode?.code === 4400)
  expect(refused, output).toMatchObject({ level: 'info', closeCode: { code: 4400, name: 'malformedMessage' }, closedBy: 'server' })
  expect(Number.isInteger(refused!.connection)).toBe(true)
  // The same connection was logged when it was accepted, and its refusal says why.
  expect(lines.some((line) => line.event === 'connection.accepted' && line.connection === refused!.connection && line.docId === docId)).toBe(true)
  expect(lines.find((line) => line.event === 'connection.refused' && line.connection === refused!.connection)).toMatchObject({ level: 'warn', docId })
  expect(closes.find((line) => line.closeCode?.code === 4415)).toMatchObject({ closeCode: { name: 'textFrame' }, closedBy: 'server' })
  // The script's connection, closed by the shutdown.
  expect(closes.find((line) => line.closeCode?.code === 4504)).toMatchObject({ closeCode: { name: 'serverShuttingDown' } })

  const events = lines.map((line) => line.event)
  expect(lines.some((line) => line.event === 'room.loaded' && line.docId === docId)).toBe(true)
  expect(lines.some((line) => line.event === 'room.unloaded' && line.docId === docId)).toBe(true)
  expect(events).toContain('shutdown.started')
  expect(parseLines(server.stdout(), 'stdout').at(-1)?.event).toBe('shutdown.finished')
})
