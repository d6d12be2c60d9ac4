/**
 * Source URLs end up as links in every member's editor, so only plain web addresses are allowed:
 * javascript:, data:, file:, ftp: and relative paths are refused.
 */

/** Longest URL we store; real article and bill-text links are far shorter. */
export const MAX_URL_LENGTH = 2048

/**
 * What is wrong with a URL, as a sentence naming the field; undefined when it is an absolute http(s) URL.
 * The scheme is checked on the text itself because the WHATWG parser quietly repairs "http:example.com".
 */
export function httpUrlProblem(label: string, text: string): string | undefined {
  const value = text.trim()
  if (value.length > MAX_URL_LENGTH) return `${label} must be at most ${MAX_URL_LENGTH} characters`
  if (!/^https?:\/\//i.test(value)) return `${label} must start with http:// or https://`
  // The parser drops tabs and line breaks inside a URL; refusing them keeps what is stored what is shown.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return `${label} must not contain spaces or line breaks`
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    return `${label} is not a valid web address`
  }
  if (parsed.hostname === '') return `${label} must include a site name, like https://example.org/…`
  // "https://trusted.example@evil.example" reads as one site and opens another.
  if (parsed.username !== '' || parsed.password !== '') return `${label} must not contain a user name or password`
  return undefined
}

/** True when `text` is an absolute http or https URL we would store. */
export function isHttpUrl(text: string): boolean {
  return httpUrlProblem('URL', text) === undefined
}
