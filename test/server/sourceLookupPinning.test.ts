import { expect, test, vi } from 'vitest'
import { html, startPageServer } from '../helpers/pageServer.js'
import { titleOnly } from './lookupPages/pages.js'

/**
 * DNS is asked once per hop, and the connection goes to the address that was checked: a resolver that
 * answers differently when the HTTP client would ask (DNS rebinding) cannot send the request elsewhere.
 * Names that exist only in this mocked resolver prove it: the system resolver would not find them at all.
 */
const answers = new Map<string, { address: string; family: number }[]>()
const lookups: string[] = []
vi.mock('node:dns/promises', () => ({
  lookup: async (host: string) => {
    lookups.push(host)
    const found = answers.get(host)
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return found
  },
}))

const { fetchPage } = await import('../../server/lookup/safeFetch.js')
const limits = { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, allowLoopback: true }

test('the request goes to the checked address, with the name as its Host', async () => {
  const hosts: string[] = []
  const site = await startPageServer({
    '/page': (request, response) => {
      hosts.push(request.headers.host ?? '')
      html(titleOnly)(request, response)
    },
  })
  const port = new URL(site.url).port
  answers.set('pages.rebind.test', [{ address: '127.0.0.1', family: 4 }])
  const page = await fetchPage(`http://pages.rebind.test:${port}/page`, limits)
  expect(page.html).toContain('Our position')
  expect(hosts).toEqual([`pages.rebind.test:${port}`])
  expect(lookups.filter((host) => host === 'pages.rebind.test')).toHaveLength(1)
})

test('a name with any private address among its answers is refused before connecting', async () => {
  answers.set('mixed.rebind.test', [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.1', family: 4 },
  ])
  await expect(fetchPage('http://mixed.rebind.test/', limits)).rejects.toMatchObject({ status: 422, code: 'address_private_refused' })
  answers.set('v6.rebind.test', [{ address: 'fe80::1', family: 6 }])
  await expect(fetchPage('http://v6.rebind.test/', limits)).rejects.toMatchObject({ code: 'address_link_local_refused' })
  answers.set('metadata.rebind.test', [{ address: '169.254.169.254', family: 4 }])
  await expect(fetchPage('http://metadata.rebind.test/', limits)).rejects.toMatchObject({ code: 'address_metadata_refused' })
  await expect(fetchPage('http://nowhere.rebind.test/', limits)).rejects.toMatchObject({ status: 502, code: 'host_not_found' })
})
