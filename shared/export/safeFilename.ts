/** Longest file name we produce, in UTF-8 bytes with the extension (file systems allow 255). */
export const MAX_FILENAME_BYTES = 200

const FALLBACK_NAME = 'statement'

// Reserved on Windows whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** Cuts `text` to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder()
  let out = ''
  let used = 0
  for (const char of text) {
    used += encoder.encode(char).length
    if (used > bytes) break
    out += char
  }
  return out
}

/**
 * A download name for a statement, `<title>.md`, safe on Windows, macOS and Linux: no path separators, no
 * characters Windows refuses, no control or bidirectional-override characters (which can disguise an
 * extension), no leading or trailing dots or spaces, no reserved device names, at most 200 bytes.
 */
export function safeFilename(title: string, extension = '.md'): string {
  const base = title
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const cut = cutToBytes(base, MAX_FILENAME_BYTES - new TextEncoder().encode(extension).length).replace(/[\s.]+$/, '')
  const name = cut === '' ? FALLBACK_NAME : WINDOWS_RESERVED.test(cut.split('.')[0]!.trim()) ? `_${cut}` : cut
  return `${name}${extension}`
}
