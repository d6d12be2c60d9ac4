/** Colours with enough contrast for white caret labels (the same palette the client picks from). */
export const USER_COLOURS = ['#b4235a', '#1f6feb', '#0f7b6c', '#8250df', '#ad5400', '#1a7f37', '#9a6700', '#cf222e', '#0969da', '#6639ba'] as const

/** An account's colour, the same on every device: derived from its id, so nobody can pick someone else's. */
export function colourForUser(userId: string): string {
  let hash = 0
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return USER_COLOURS[hash % USER_COLOURS.length]!
}
