import { expect, test } from 'vitest'
import { lookup } from '../helpers/lookupApi.js'
import { html, redirect, startPageServer } from '../helpers/pageServer.js'
import { startTestServer } from '../helpers/testServer.js'
import { titleOnly } from './lookupPages/pages.js'

/**
 * The lookup is a security boundary: the server fetches what a person pastes. Each refusal has its own code and
 * a sentence, and a refused address is never connected to (the local site counts its hits).
 */

async function expectRefused(serverUrl: string, url: string, status: number, code: string) {
  const { status: actual, body } = await lookup(serverUrl, url)
  expect({ url, status: actual, code: body.error?.code }).toEqual({ url, status, code })
  expect(body.error.message).toMatch(/^[A-Z].*[.)]$/)
  return body.error.message
}

test('only http and https links are looked up', async () => {
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true } })
  await expectRefused(caucus.url, 'ftp://example.org/file.html', 422, 'url_scheme_refused')
  await expectRefused(caucus.url, 'file:///etc/passwd', 422, 'url_scheme_refused')
  await expectRefused(caucus.url, 'javascript:alert(1)', 422, 'url_scheme_refused')
  await expectRefused(caucus.url, 'not a link', 422, 'invalid_url')
  await expectRefused(caucus.url, 'http://user:secret@example.org/', 422, 'url_credentials_refused')
})

test('private, link-local, metadata and unusable addresses are refused, whatever their spelling, even with the loopback setting', async () => {
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true } })
  const refused: [string, string][] = [
    ['http://10.0.0.1/', 'address_private_refused'],
    ['http://192.168.1.1/', 'address_private_refused'],
    ['http://172.16.5.4/', 'address_private_refused'],
    ['http://[fd00::1]/', 'address_private_refused'],
    ['http://[::ffff:10.0.0.1]/', 'address_private_refused'],
    ['http://100.64.0.1/', 'address_private_refused'],
    ['http://169.254.169.254/latest/meta-data/', 'address_metadata_refused'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'address_metadata_refused'],
    ['http://169.254.1.1/', 'address_link_local_refused'],
    ['http://[fe80::1]/', 'address_link_local_refused'],
    ['http://0.0.0.0/', 'address_reserved_refused'],
    ['http://[::]/', 'address_reserved_refused'],
    // Decimal, hexadecimal and octal spellings of 10.0.0.1.
    ['http://167772161/', 'address_private_refused'],
    ['http://0xa.0.0.1/', 'address_private_refused'],
    ['http://012.0.0.1/', 'address_private_refused'],
  ]
  for (const [url, code] of refused) await expectRefused(caucus.url, url, 422, code)
})

test('loopback is refused without CAUCUS_FETCH_ALLOW_LOOPBACK, in every spelling and through DNS (localhost)', async () => {
  const caucus = await startTestServer()
  const site = await startPageServer({ '/page': html(titleOnly) })
  const port = new URL(site.url).port
  for (const host of ['127.0.0.1', '[::1]', '2130706433', '0177.0.0.1', '[::ffff:127.0.0.1]', 'localhost']) {
    const message = await expectRefused(caucus.url, `http://${host}:${port}/page`, 422, 'address_loopback_refused')
    expect(message).toMatch(/own machine/)
  }
  expect(site.hits).toEqual([])
})

test('with the test setting, 127.0.0.1 and a name resolving to it (localhost) are read', async () => {
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true } })
  const site = await startPageServer({ '/page': html(titleOnly) })
  const port = new URL(site.url).port
  for (const host of ['127.0.0.1', 'localhost', '2130706433']) {
    const { status, body } = await lookup(caucus.url, `http://${host}:${port}/page`)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.item.title).toBe('Our position on trail access')
  }
})

test('every redirect hop is checked: to a private or metadata address is refused, and at most 5 are followed', async () => {
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true } })
  const chain = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/hop${i}`, redirect(`/hop${i + 1}`)]))
  const site = await startPageServer({
    ...chain,
    '/hop6': html(titleOnly),
    '/toPrivate': redirect('http://10.0.0.1/admin'),
    '/toMetadata': redirect('http://169.254.169.254/latest/meta-data/', 301),
    '/toFile': redirect('file:///etc/passwd'),
    '/page': html(titleOnly),
  })
  await expectRefused(caucus.url, `${site.url}/toPrivate`, 422, 'address_private_refused')
  await expectRefused(caucus.url, `${site.url}/toMetadata`, 422, 'address_metadata_refused')
  await expectRefused(caucus.url, `${site.url}/toFile`, 422, 'url_scheme_refused')
  // hop0 → … → hop6 is six redirects: refused; hop1 → … → hop6 is five: read.
  await expectRefused(caucus.url, `${site.url}/hop0`, 502, 'too_many_redirects')
  const five = await lookup(caucus.url, `${site.url}/hop1`)
  expect(five.status).toBe(200)
  expect(five.body.item.URL).toBe(`${site.url}/hop6`)
})

test('a slow page times out, a page over 2 MB and a non-HTML answer are refused, an error status is reported', async () => {
  // The 5 s limit shortened for the test; the size limit is the real 2 MB.
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true, fetchTimeoutMs: 500 } })
  const big = `<html><head><title>Big</title></head><body>${'x'.repeat(3 * 1024 * 1024)}</body></html>`
  const site = await startPageServer({
    '/slow': (_request, response) => {
      const timer = setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(titleOnly), 3000)
      response.on('close', () => clearTimeout(timer))
    },
    '/trickle': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.write('<html><head><title>Slow</title>')
      const timer = setTimeout(() => response.end('</head></html>'), 3000)
      response.on('close', () => clearTimeout(timer))
    },
    '/big': html(big),
    '/bigChunked': (_request, response) => {
      // No content-length: the limit must hold while streaming.
      response.writeHead(200, { 'content-type': 'text/html' })
      for (let i = 0; i < 3; i += 1) response.write('x'.repeat(1024 * 1024))
      response.end()
    },
    '/pdf': html('%PDF-1.7', 'application/pdf'),
    '/json': html('{"title":"x"}', 'application/json'),
    '/missing': (_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>'),
  })
  const started = Date.now()
  await expectRefused(caucus.url, `${site.url}/slow`, 504, 'fetch_timeout')
  await expectRefused(caucus.url, `${site.url}/trickle`, 504, 'fetch_timeout')
  expect(Date.now() - started).toBeLessThan(2500)
  expect(await expectRefused(caucus.url, `${site.url}/big`, 502, 'page_too_large')).toMatch(/2 MB/)
  await expectRefused(caucus.url, `${site.url}/bigChunked`, 502, 'page_too_large')
  expect(await expectRefused(caucus.url, `${site.url}/pdf`, 502, 'not_html')).toMatch(/application\/pdf/)
  await expectRefused(caucus.url, `${site.url}/json`, 502, 'not_html')
  expect(await expectRefused(caucus.url, `${site.url}/missing`, 502, 'upstream_status')).toMatch(/404/)
  await expectRefused(caucus.url, 'http://no-such-host.invalid/', 502, 'host_not_found')
})
