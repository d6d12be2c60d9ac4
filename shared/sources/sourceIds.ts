/** Ids of sources we create: 'src_' + 12 URL-safe characters (72 random bits), stable for the source's life. */
export const SOURCE_ID_PATTERN = /^src_[A-Za-z0-9_-]{12}$/

// 64 symbols, so each random byte maps to one without bias.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A fresh random source id. Imported sources may keep their own ids (any non-empty text). */
export function newSourceId(): string {
  let id = 'src_'
  for (const byte of crypto.getRandomValues(new Uint8Array(12))) id += ALPHABET[byte & 63]
  return id
}
