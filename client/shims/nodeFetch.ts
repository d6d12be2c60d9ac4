/**
 * The browser's own fetch, standing in for `node-fetch` in the client bundle. citation-js imports node-fetch to
 * read URLs, which Caucus never asks it to do; the real module needs Node's streams and fails on load in a
 * browser (see `resolve.alias` in vite.config.ts).
 */
const browserFetch: typeof fetch = (...args) => globalThis.fetch(...args)
export default browserFetch
export const Headers = globalThis.Headers
export const Request = globalThis.Request
export const Response = globalThis.Response
