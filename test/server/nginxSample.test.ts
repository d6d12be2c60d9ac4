import { describe, expect, test } from 'vitest'
import { DEFAULT_SECURITY } from '../../server/config.js'
import { NGINX, programsAvailable } from '../helpers/nginx.js'
import { startNginxStack, sessionOf, type NginxStack } from '../helpers/nginxStack.js'
import { postgresAvailable } from '../helpers/postgres.js'
import { redisAvailable } from '../helpers/redis.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { rawHttp } from '../helpers/rawHttp.js'
import { authHeaders, TEST_PASSWORD, type Credentials } from '../helpers/testAuth.js'
import { OPENSSL } from '../helpers/tlsCertificate.js'
import { waitFor } from '../helpers/waitFor.js'
import { waitForSync } from '../helpers/yClient.js'

// deploy/nginx/caucus.conf run by Debian's nginx, in front of three real server processes on one PostgreSQL,
// linked through Redis.
const available = programsAvailable([NGINX, OPENSSL], "the nginx sample's tests") && (await postgresAvailable()) && (await redisAvailable())

async function createStatement(stack: NginxStack, owner: Credentials, title: string): Promise<string> {
  const response = await stack.request('/api/docs', { method: 'POST', json: { title }, auth: owner })
  expect(response.status, response.text).toBe(201)
  return response.json<{ document: { id: string } }>().document.id
}

/** A JSON request body of exactly `bytes` bytes. */
const jsonOfBytes = (bytes: number): string => JSON.stringify({ title: 'x'.repeat(bytes - '{"title":""}'.length) })

/** A process's open collaboration connections, read from its own `/metrics`. */
async function openConnections(processUrl: string): Promise<number> {
  const metrics = await (await fetch(`${processUrl}/metrics`)).text()
  return Number(/^caucus_connections (\d+)$/m.exec(metrics)?.[1] ?? NaN)
}

/** The processes that answered `uri` (each request's last upstream: the one that answered), once `count` were logged. */
async function answeredBy(stack: NginxStack, uri: string, count: number): Promise<string[]> {
  const entries = await waitFor(() => {
    const logged = stack.nginx.accessLog().filter((entry) => entry.uri === uri)
    return logged.length >= count ? logged : null
  }, { message: `${count} requests for ${uri} in nginx's access log` })
  return entries.map((entry) => entry.upstreams.at(-1)!)
}

describe.runIf(available)("deploy/nginx/caucus.conf: Debian's nginx in front of three Caucus processes", () => {
  test('people sign up and in, create a statement and edit it over a websocket, all through nginx, and requests are spread over the processes', async () => {
    const stack = await startNginxStack()

    // Signing up and in through nginx: the processes see the browser's Host and Origin (CAUCUS_ORIGIN's), and set
    // a Secure cookie since that origin is https.
    const { credentials: person, response: signup } = await stack.signUp('Nadia Proxy')
    expect(signup.headers['set-cookie']!.join('\n')).toMatch(/; Secure/i)
    const login = await stack.request('/api/auth/login', { method: 'POST', json: { email: person.email, password: TEST_PASSWORD }, headers: { origin: stack.origin } })
    expect(login.status, login.text).toBe(200)
    const signedIn: Credentials = { ...person, session: sessionOf(login) }
    const docId = await createStatement(stack, signedIn, 'Statement behind nginx')

    // Round robin: six reads in a row go to each of the three processes twice, and every process finds the
    // statement, since all three read the same database.
    for (let i = 0; i < 6; i++) {
      const read = await stack.request(`/api/docs/${docId}`, { auth: signedIn })
      expect(read.status, read.text).toBe(200)
    }
    const readers = await answeredBy(stack, `/api/docs/${docId}`, 6)
    expect([...new Set(readers)].sort()).toEqual([...stack.upstreams].sort())

    // The websocket upgrade passes through nginx: a stock y-websocket client syncs, writes, and is told it is
    // stored; a second one (on the next process in turn) loads what was stored, and sees the first one's next
    // edit live, relayed between the two processes through Redis.
    const writer = stack.connect(docId, signedIn, { savedAcks: true })
    await waitForSync(writer.provider)
    appendParagraph(writer.doc, 'Written through nginx')
    await waitFor(() => writer.saved!.isAllSaved(), { message: 'the paragraph to be saved' })
    const reader = stack.connect(docId, signedIn)
    await waitForSync(reader.provider)
    expect(paragraphTexts(reader.doc)).toContain('Written through nginx')
    const connections = await Promise.all(stack.processes.map((process) => openConnections(process.url)))
    expect(connections.sort()).toEqual([0, 1, 1])
    appendParagraph(writer.doc, 'Seen live on another process')
    await waitFor(() => paragraphTexts(reader.doc).includes('Seen live on another process'), { message: 'the edit relayed to the reader' })

    // Bodies: nginx passes on exactly what the server accepts, and refuses the rest itself with the server's own
    // answer (the server refuses an oversized body unread and drops the connection, which nginx, still sending
    // it, would turn into a 502).
    const limits = [
      { path: '/api/docs', max: DEFAULT_SECURITY.maxBodyBytes },
      { path: `/api/docs/${docId}/sources`, max: DEFAULT_SECURITY.maxImportBytes },
    ]
    const post = (path: string, body: string) => stack.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json' }, auth: signedIn })
    for (const { path, max } of limits) {
      const atLimit = await post(path, jsonOfBytes(max))
      expect(atLimit.status, `${path}: ${atLimit.text}`).toBe(400) // read by the server, which refuses its content
      const serversOwn = await rawHttp(`${stack.processes[0]!.url}${path}`, {
        method: 'POST',
        headers: { ...authHeaders(signedIn), 'content-type': 'application/json' },
        body: jsonOfBytes(max + 1),
      })
      expect(serversOwn.status).toBe(413)
      // Just over the limit, and 1 MiB over it (more than the sockets between nginx and a process hold), a few
      // times: nginx sending on a body the process has dropped does not fail every time.
      for (const bytes of [max + 1, max + 1024 * 1024, max + 1024 * 1024, max + 1024 * 1024]) {
        const overLimit = await post(path, jsonOfBytes(bytes))
        expect(overLimit.status, `${path}, ${bytes} bytes: ${overLimit.text}`).toBe(413)
        expect(overLimit.json()).toEqual(JSON.parse(serversOwn.body))
      }
    }

    // nginx passes the Host on unchanged, so the processes still refuse another host name (DNS rebinding).
    const rebound = await stack.request(`/api/docs/${docId}`, { auth: signedIn, headers: { host: 'attacker.example' } })
    expect(rebound.status).toBe(421)
    // Metrics are read from each process, not through the balancer.
    expect((await stack.request('/metrics')).status).toBe(403)

    // Plain http only redirects to https.
    const plain = await fetch(`${stack.plainOrigin}/d/${docId}`, { redirect: 'manual' })
    expect(plain.status).toBe(301)
    expect(plain.headers.get('location')).toMatch(new RegExp(`^https://127\\.0\\.0\\.1/d/${docId}$`))
  })

  test('with one of the three processes killed (SIGKILL), requests and new websocket connections still succeed through nginx', async () => {
    const stack = await startNginxStack()
    const { credentials: person } = await stack.signUp('Kai Failover')
    const docId = await createStatement(stack, person, 'Statement that outlives a process')

    // Three upgrades in a row are three turns of the round robin: one client on each process. The first writes
    // before the others connect, so each process loads the paragraph from the database.
    const first = stack.connect(docId, person, { savedAcks: true })
    await waitForSync(first.provider)
    appendParagraph(first.doc, 'Before the kill')
    await waitFor(() => first.saved!.isAllSaved(), { message: 'the paragraph to be saved' })
    const clients = [first, stack.connect(docId, person), stack.connect(docId, person)]
    for (const client of clients) await waitForSync(client.provider)
    const closes = clients.map(() => 0)
    clients.forEach((client, i) => client.provider.on('connection-close', () => closes[i]!++))

    const victim = stack.processes[1]!
    await victim.kill('SIGKILL')

    // The client that was on the killed process loses its connection and reconnects through nginx to another.
    await waitFor(() => closes.some((count) => count > 0), { message: 'a client to lose its connection to the killed process' })
    await waitFor(() => clients.every((client) => client.provider.wsconnected && client.provider.synced), { message: 'every client connected and synced again' })

    // Requests keep succeeding: the killed process's turn is passed on to the next one.
    for (let i = 0; i < 6; i++) {
      const read = await stack.request(`/api/docs/${docId}`, { auth: person })
      expect(read.status, read.text).toBe(200)
    }
    expect(await answeredBy(stack, `/api/docs/${docId}`, 6)).not.toContain(stack.upstreams[1])
    // And new websocket connections: each syncs with a live process and holds what was stored.
    for (let i = 0; i < 3; i++) {
      const late = stack.connect(docId, person)
      await waitForSync(late.provider)
      expect(paragraphTexts(late.doc)).toContain('Before the kill')
    }
    // nginx did try the dead process (it was its turn) and moved on: its refusal is in the error log.
    expect(stack.nginx.errorLog()).toMatch(new RegExp(`Connection refused\\) while connecting to upstream.*upstream: "http://${stack.upstreams[1]!.replaceAll('.', '\\.')}/`))
  })
})
