/** Who this browser's person is to the others: a display name they chose and a stable colour. */
export interface Identity {
  name: string
  color: string
}

const STORAGE_KEY = 'caucus.identity'

/** Colours with enough contrast for white caret labels. */
const PALETTE = ['#b4235a', '#1f6feb', '#0f7b6c', '#8250df', '#bf5b04', '#1a7f37', '#9a6700', '#cf222e', '#0969da', '#6639ba']

export const MAX_NAME_LENGTH = 40

function colorFor(seed: string): string {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return PALETTE[hash % PALETTE.length]!
}

/** The remembered identity, or null when the person has not picked a name yet. */
export function loadIdentity(): Identity | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Identity> | null
    if (stored && typeof stored.name === 'string' && stored.name.trim() && typeof stored.color === 'string') {
      return { name: stored.name, color: stored.color }
    }
  } catch {
    // A corrupt entry is treated as no identity: the person is asked again.
  }
  return null
}

/** Remembers a display name; the colour stays the same across renames. */
export function saveIdentity(name: string): Identity {
  const previous = loadIdentity()
  const identity = { name: name.trim().slice(0, MAX_NAME_LENGTH), color: previous?.color ?? colorFor(crypto.randomUUID()) }
  localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
  return identity
}
