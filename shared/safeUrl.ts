/** Link schemes a statement may contain: anything else (javascript:, data:, file:…) is refused. */
export const SAFE_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const

/** True when `url` is an absolute http, https or mailto URL. */
export function isSafeLinkUrl(url: string): boolean {
  try {
    const parsed = new URL(url.trim())
    return (SAFE_LINK_SCHEMES as readonly string[]).includes(parsed.protocol)
  } catch {
    return false
  }
}

/**
 * Turns what a person typed into a link target: adds https:// to a bare domain, keeps mailto:.
 * Returns null when the result is not a safe link.
 */
export function normalizeLinkInput(input: string): string | null {
  const trimmed = input.trim()
  if (trimmed === '') return null
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
  const candidate = hasScheme ? trimmed : trimmed.includes('@') && !trimmed.includes('/') ? `mailto:${trimmed}` : `https://${trimmed}`
  return isSafeLinkUrl(candidate) ? candidate : null
}
