import { request } from 'node:http'

export interface RawHttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * One HTTP request with exactly the headers given, `Host` included (fetch does not let a test set it), as a
 * DNS-rebinding page or a proxy would send it.
 */
export function rawHttp(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawHttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
      res.on('error', reject)
    })
    req.on('error', reject)
    // A server that refuses a large body answers and closes before the body is sent: writing on is then
    // refused by the socket, which is expected here, not a test failure.
    req.on('socket', (socket) => socket.on('error', () => {}))
    req.end(options.body)
  })
}
