/**
 * Which documents this browser keeps a local (IndexedDB) copy of, remembered in localStorage so the editor
 * knows at once, without waiting for IndexedDB, whether to wait for that copy before connecting. Only a hint:
 * if it is wrong, the page still ends up with the same document (it just waits, or downloads, a bit more).
 */
const KEY = 'caucus.localCopies'
const MAX_REMEMBERED = 500

function read(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

/** True when this device was seen holding a local copy of the document. */
export function hasLocalCopy(docId: string): boolean {
  return read().includes(docId)
}

/** Remembers that this device now holds a local copy of the document (most recent last). */
export function rememberLocalCopy(docId: string): void {
  const ids = read().filter((id) => id !== docId)
  ids.push(docId)
  try {
    localStorage.setItem(KEY, JSON.stringify(ids.slice(-MAX_REMEMBERED)))
  } catch {
    // Storage full or unavailable: the hint is lost, nothing else.
  }
}
