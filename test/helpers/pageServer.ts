import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => void

/**
 * A small web site on 127.0.0.1 for link-lookup tests: each path answers with its handler (404 otherwise).
 * Closed when the test finishes.
 */
export async function startPageServer(pages: Record<string, PageHandler>): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    hits.push(path)
    const handler = pages[path]
    if (handler) handler(request, response)
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }
}

/** Answers an HTML page. */
export const html =
  (body: string, type = 'text/html; charset=utf-8'): PageHandler =>
  (_request, response) =>
    response.writeHead(200, { 'content-type': type }).end(body)

/** Answers a redirect to `location`. */
export const redirect =
  (location: string, status = 302): PageHandler =>
  (_request, response) =>
    response.writeHead(status, { location }).end()
