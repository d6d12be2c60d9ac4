import { request } from 'node:https'
import { checkServerIdentity } from 'node:tls'
import type { IncomingHttpHeaders } from 'node:http'

export interface HttpsRequestOptions {
  method?: string
  headers?: Record<string, string>
  body?: string
  /** The only certificate authority trusted (a test's self-signed certificate). */
  ca: string
}

export interface HttpsResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json<T = unknown>(): T
}

/**
 * One request over https trusting `ca`. Node's `fetch` cannot be given a certificate authority, and turning
 * certificate checks off for the whole test process would hide a broken TLS set-up.
 */
export function httpsRequest(url: string, options: HttpsRequestOptions): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}) },
        ca: options.ca,
        // Checked against the address the request goes to, also when a test sends another name as Host.
        checkServerIdentity: (_name, certificate) => checkServerIdentity(new URL(url).hostname, certificate),
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: response.statusCode!, headers: response.headers, text, json: <T>() => JSON.parse(text) as T })
        })
        response.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
