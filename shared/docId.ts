/**
 * Document ids travel in URLs (`/d/<id>`, `/collab/<id>`) and name storage rows, so they are restricted to
 * URL-safe characters that need no escaping anywhere.
 */
export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Human-readable rule, shown in error messages. */
export const DOC_ID_RULE = '1 to 64 characters: letters, digits, "-" or "_"'

/** True when `value` is an acceptable document id. */
export function isValidDocId(value: string): boolean {
  return DOC_ID_PATTERN.test(value)
}

/** A fresh random id (URL-safe, 16 characters, ~95 bits). */
export function newDocId(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let id = ''
  for (const byte of bytes) id += alphabet[byte % alphabet.length]
  return id
}
