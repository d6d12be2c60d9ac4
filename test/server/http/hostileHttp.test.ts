import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody, DocumentsPage } from '../../../shared/apiTypes.js'
import { rawHttp } from '../../helpers/rawHttp.js'
import { standInClientDir } from '../../helpers/standInClient.js'
import { apiFetch, authHeaders, TEST_PASSWORD } from '../../helpers/testAuth.js'
import { createDoc, startTestServer, type TestServer } from '../../helpers/testServer.js'

const documentCount = async (server: TestServer) => ((await (await apiFetch(`${server.url}/api/docs`)).json()) as DocumentsPage).documents.length
const codeOf = (body: string) => (JSON.parse(body) as ApiErrorBody).error.code

describe('findings from probing the server as an attacker would', () => {
  test('DNS rebinding: a request for another host name is refused (421) on the API and the pages', async () => {
    const server = await startTestServer({ clientDir: standInClientDir() })
    const docId = await createDoc(server.url)
    for (const path of ['/api/docs', `/api/docs/${docId}`, '/', `/d/${docId}`]) {
      const response = await rawHttp(`${server.url}${path}`, { headers: { host: 'attacker.example', ...authHeaders(server.auth) } })
      expect(response.status, path).toBe(421)
      expect(codeOf(response.body)).toBe('unknown_host')
    }
    // The server's own names are answered, localhost included for a loopback server.
    const port = new URL(server.url).port
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await rawHttp(`${server.url}/api/docs`, { headers: { host, ...authHeaders(server.auth), origin: `http://${host}` } })).status).toBe(200)
    }
    // Load balancers probe health by address.
    expect((await rawHttp(`${server.url}/api/health`, { headers: { host: '10.0.0.7' } })).status).toBe(200)
  })

  test('CSRF: form and text bodies are refused (415), foreign origins too (403), and nothing is created', async () => {
    const server = await startTestServer()
    const docId = await createDoc(server.url)
    const before = await documentCount(server)
    const cookie = authHeaders(server.auth).cookie!
    for (const path of ['/api/docs', `/api/docs/${docId}/sources`]) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const sameSite = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': type }, body: '{"title":"csrf"}' })
        expect(sameSite.status, `${path} ${type}`).toBe(415)
        const crossSite = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': type }, body: 'title=csrf' })
        expect(crossSite.status, `${path} ${type} cross-site`).toBe(403)
      }
      const fetchMetadata = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, origin: server.url, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: '{}',
      })
      expect(fetchMetadata.status).toBe(403)
    }
    expect(await documentCount(server)).toBe(before)
    expect(await (await apiFetch(`${server.url}/api/docs/${docId}/sources`)).json()).toEqual([])
  })

  test('a 50 MB body is refused before it is read, with or without a declared length', async () => {
    const server = await startTestServer()
    const docId = await createDoc(server.url)
    const huge = Buffer.alloc(50 * 1024 * 1024, 'a')
    const headers = { ...authHeaders(server.auth), 'content-type': 'application/json' }
    let answered = 0
    for (const [method, path] of [['POST', '/api/docs'], ['PATCH', `/api/docs/${docId}`]] as const) {
      const framings: Record<string, string>[] = [{ 'content-length': String(huge.length) }, { 'transfer-encoding': 'chunked' }]
      for (const framing of framings) {
        const response = await rawHttp(`${server.url}${path}`, { method, headers: { ...headers, ...framing }, body: huge }).catch((error: Error) => error)
        // The server may answer and close before the whole body is sent (the socket is then reset): a refusal too.
        if (response instanceof Error) continue
        answered++
        expect(response.status, `${method} ${path} ${JSON.stringify(framing)}`).toBe(413)
        expect(codeOf(response.body)).toBe('payload_too_large')
      }
    }
    expect(answered).toBeGreaterThan(0)
    expect(await documentCount(server)).toBe(1)
    const title = ((await (await apiFetch(`${server.url}/api/docs/${docId}`)).json()) as { document: { title: string } }).document.title
    expect(title).toBe('')
  })

  test('rate limits: 20 parallel creations with a budget of 10 a minute create 10; the rest get 429 with Retry-After', async () => {
    const server = await startTestServer({ security: { writesPerMinute: 10, readsPerMinute: 15 } })
    const create = () => apiFetch(`${server.url}/api/docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    const answers = await Promise.all(Array.from({ length: 20 }, create))
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    const refused = answers.find((r) => r.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as ApiErrorBody).error.code).toBe('too_many_requests')
    const reads = await Promise.all(Array.from({ length: 20 }, () => apiFetch(`${server.url}/api/docs`)))
    expect(reads.filter((r) => r.status === 200)).toHaveLength(15)
    // Another person has their own budget.
    const other = await server.signUp('Rae Other')
    expect((await apiFetch(`${server.url}/api/docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', auth: other })).status).toBe(201)
  })

  test('keys __proto__, constructor and prototype in JSON bodies change nothing', async () => {
    const server = await startTestServer()
    const created = await apiFetch(`${server.url}/api/docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":"Plain","__proto__":{"polluted":true,"title":"Hijacked"},"constructor":{"prototype":{"polluted":true}}}',
    })
    expect(created.status).toBe(201)
    expect(((await created.json()) as { document: { title: string } }).document.title).toBe('Plain')
    const signup = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: `{"email":"zed@example.org","name":"Zed","password":"${TEST_PASSWORD}","__proto__":{"isAdmin":true}}`,
    })
    expect(signup.status).toBe(201)
    expect(((await signup.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(false)
    const docId = await createDoc(server.url)
    const imported = await apiFetch(`${server.url}/api/docs/${docId}/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{"type":"webpage","title":"Page","URL":"https://example.org/","__proto__":{"URL":"javascript:alert(1)"},"custom":{"constructor":{"prototype":{"x":1}}}}]',
    })
    expect(imported.status).toBe(201)
    const [item] = (await (await apiFetch(`${server.url}/api/docs/${docId}/sources`)).json()) as Record<string, unknown>[]
    expect(item).toMatchObject({ title: 'Page', URL: 'https://example.org/' })
    expect(JSON.stringify(item)).not.toMatch(/javascript|constructor|prototype/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('every answer carries a CSP without inline script, nosniff, a referrer policy and no framing', async () => {
    const server = await startTestServer({ clientDir: standInClientDir() })
    const docId = await createDoc(server.url)
    for (const path of ['/', `/d/${docId}`, '/api/docs', '/api/nothing']) {
      const response = await apiFetch(`${server.url}${path}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, path).toMatch(/script-src 'self'(;|$)/)
      expect(csp).toMatch(/frame-ancestors 'none'/)
      expect(csp).toMatch(/object-src 'none'/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  test('the built client and the server-rendered page have no inline script', async () => {
    const built = join(import.meta.dirname, '../../../dist/client/index.html')
    expect(existsSync(built), 'build the client first (npx vite build)').toBe(true)
    const html = readFileSync(built, 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc=/)
      expect(body!.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+=/i) // no inline event handlers either

    const server = await startTestServer({ clientDir: join(import.meta.dirname, '../../../dist/client') })
    const docId = await createDoc(server.url, 'A statement')
    const page = await (await apiFetch(`${server.url}/d/${docId}`)).text()
    for (const [, attributes, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      // Either a script file, or a data block the browser never runs.
      if (body!.trim() !== '') expect(attributes).toMatch(/type="application\/json"/)
      else expect(attributes).toMatch(/\ssrc=/)
    }
  })
})
