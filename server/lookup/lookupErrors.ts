import { ApiError } from '../api/ApiError.js'
import type { AddressRefusal } from './addressPolicy.js'

/**
 * Every way a link lookup can fail, each with its own code and a sentence the Sources panel shows as is.
 * 422: the link itself is refused; 502/504: the page could not be read as asked.
 */
const FAILURES = {
  invalid_url: [422, 'That is not a web address. Paste a link that starts with http:// or https://.'],
  url_scheme_refused: [422, 'Only http:// and https:// links can be looked up.'],
  url_credentials_refused: [422, 'Links with a user name or password are not looked up.'],
  address_loopback_refused: [422, "Links to this server's own machine (localhost, 127.0.0.1, ::1) are not looked up."],
  address_private_refused: [422, 'Links to private network addresses (such as 10.x, 192.168.x, fc00::) are not looked up.'],
  address_link_local_refused: [422, 'Links to link-local addresses (169.254.x.x, fe80::) are not looked up.'],
  address_metadata_refused: [422, 'Links to a cloud metadata service are not looked up.'],
  address_reserved_refused: [422, 'Links to reserved or unusable addresses (such as 0.0.0.0) are not looked up.'],
  host_not_found: [502, 'That site could not be found. Check the link for typos.'],
  too_many_redirects: [502, 'That link redirects too many times; it was not followed further.'],
  fetch_timeout: [504, 'That site took too long to answer.'],
  page_too_large: [502, 'That page is too large to read.'],
  not_html: [502, 'That link is not a web page (HTML), so there is nothing to read from it. Enter the source by hand.'],
  upstream_status: [502, 'That site answered with an error instead of the page.'],
  fetch_failed: [502, 'That site could not be reached.'],
  no_title: [502, 'That page has no title to read. Enter the source by hand.'],
} as const

export type LookupFailure = keyof typeof FAILURES

/** The API error for a failed lookup; `detail` adds what only this request knows (a status, a limit). */
export function lookupError(code: LookupFailure, detail?: string): ApiError {
  const [status, message] = FAILURES[code]
  return new ApiError(status, code, detail ? `${message} ${detail}` : message)
}

export function addressRefused(refusal: AddressRefusal, host: string): ApiError {
  return lookupError(`address_${refusal}_refused`, `(${host})`)
}
