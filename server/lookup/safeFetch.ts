import { lookup as dnsLookup } from 'node:dns/promises'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'
import { MAX_URL_LENGTH } from '../../shared/sources/urls.js'
import { ApiError } from '../api/ApiError.js'
import { addressRefusal, isMetadataHost } from './addressPolicy.js'
import { addressRefused, lookupError } from './lookupErrors.js'

/**
 * Fetching a page someone pasted: the one place the server opens connections a user chose. Every hop of a
 * redirect chain is checked before connecting, and the connection goes to the very address that was checked
 * (a DNS answer that changes between check and connect cannot redirect it to a private address).
 */

export interface FetchLimits {
  /** For the whole lookup: every redirect, the DNS look-ups and reading the body. */
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  /** Tests only: let 127.0.0.1 and ::1 through so saved pages can be served locally. */
  allowLoopback: boolean
}

export interface FetchedPage {
  /** Where the page was finally read from, after redirects. */
  url: string
  html: string
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Fetches an HTML page within `limits`, or throws the `ApiError` that names what was refused or failed. */
export async function fetchPage(text: string, limits: FetchLimits): Promise<FetchedPage> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs)
  try {
    let url = parseUrl(text)
    for (let redirects = 0; ; redirects += 1) {
      const address = await withDeadline(checkTarget(url, limits.allowLoopback), controller.signal)
      const response = await request(url, address, controller.signal)
      const location = response.headers.location
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy()
        if (redirects >= limits.maxRedirects) throw lookupError('too_many_redirects', `At most ${limits.maxRedirects} redirects are followed.`)
        url = parseUrl(new URL(location, url).href)
        continue
      }
      return { url: url.href, html: await readHtml(response, limits.maxBytes) }
    }
  } catch (error) {
    throw toApiError(error, controller.signal, limits)
  } finally {
    clearTimeout(timer)
  }
}

/** An absolute http(s) URL without credentials, or the refusal. */
function parseUrl(text: string): URL {
  const value = text.trim()
  if (value.length > MAX_URL_LENGTH) throw lookupError('invalid_url', `Links are at most ${MAX_URL_LENGTH} characters.`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw lookupError('invalid_url')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw lookupError('url_scheme_refused', `This one is a ${url.protocol} link.`)
  if (url.username || url.password) throw lookupError('url_credentials_refused')
  return url
}

interface CheckedAddress {
  address: string
  family: 4 | 6
}

/**
 * The address to connect to for `url`, once every address its host has is public. The URL parser has already
 * turned "2130706433", "0x7f.1" and "0177.0.0.1" into 127.0.0.1, so IP spellings are judged by what they mean.
 */
async function checkTarget(url: URL, allowLoopback: boolean): Promise<CheckedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isMetadataHost(host)) throw addressRefused('metadata', host)
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
    : await dnsLookup(host, { all: true, verbatim: true }).catch(() => {
        throw lookupError('host_not_found', `(${host})`)
      })
  if (addresses.length === 0) throw lookupError('host_not_found', `(${host})`)
  // All of them, not just the first: a host that also resolves to 10.0.0.1 is refused outright.
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, allowLoopback)
    if (refusal) throw addressRefused(refusal, host === address ? host : `${host} is ${address}`)
  }
  const first = addresses[0]!
  return { address: first.address, family: first.family === 6 ? 6 : 4 }
}

/** Sends the GET, connecting only to `checked` whatever DNS would answer now. */
function request(url: URL, checked: CheckedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [checked])
    else callback(null, checked.address, checked.family)
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      lookup: pinned,
      signal,
      agent: false,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Caucus link lookup (citation metadata)' },
    })
    req.once('response', resolve)
    req.once('error', reject)
    req.end()
  })
}

/** The body of an HTML answer, read up to `maxBytes` and no further. */
async function readHtml(response: IncomingMessage, maxBytes: number): Promise<string> {
  const status = response.statusCode ?? 0
  if (status < 200 || status > 299) {
    response.destroy()
    throw lookupError('upstream_status', `It answered ${status}.`)
  }
  const [type = '', ...parameters] = (response.headers['content-type'] ?? '').split(';').map((part) => part.trim())
  if (!HTML_TYPES.has(type.toLowerCase())) {
    response.destroy()
    throw lookupError('not_html', type ? `It is ${type}.` : 'It did not say what it is.')
  }
  const tooLarge = () => lookupError('page_too_large', `At most ${maxBytes / (1024 * 1024)} MB is read.`)
  if (Number(response.headers['content-length']) > maxBytes) {
    response.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) {
      response.destroy()
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  return decode(Buffer.concat(chunks), parameters)
}

function decode(body: Buffer, parameters: string[]): string {
  const charset = parameters.find((part) => /^charset=/i.test(part))?.slice(8).replace(/"/g, '')
  try {
    return new TextDecoder(charset || 'utf-8').decode(body)
  } catch {
    return new TextDecoder('utf-8').decode(body)
  }
}

/** Rejects when `signal` aborts first (a DNS look-up cannot be cancelled, only abandoned). */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason)
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

function toApiError(error: unknown, signal: AbortSignal, limits: FetchLimits): ApiError {
  if (error instanceof ApiError) return error
  if (signal.aborted) return lookupError('fetch_timeout', `It must answer within ${limits.timeoutMs / 1000} seconds.`)
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return lookupError('host_not_found')
  return lookupError('fetch_failed', code ? `(${code})` : undefined)
}
