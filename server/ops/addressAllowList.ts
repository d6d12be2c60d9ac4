import ipaddr from 'ipaddr.js'

/** Loopback only: metrics reveal load and activity, which is for operators, not for the internet. */
export const DEFAULT_METRICS_ALLOW = ['127.0.0.0/8', '::1/128']

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number]

/**
 * A list of addresses and CIDR ranges (`10.0.0.0/8, ::1`), checked once at start so that a typo stops the server
 * rather than silently opening or closing the metrics.
 */
export function parseAllowList(entries: string[], name = 'CAUCUS_METRICS_ALLOW'): Range[] {
  return entries.map((entry) => {
    try {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry)
      const address = ipaddr.process(entry)
      return [address, address.kind() === 'ipv4' ? 32 : 128] as Range
    } catch {
      throw new Error(`${name} must list addresses or CIDR ranges separated by commas, got "${entry}".`)
    }
  })
}

/** Whether an address (IPv4-mapped IPv6 counts as IPv4) is in one of the ranges. */
export function isAllowedAddress(address: string, ranges: Range[]): boolean {
  if (!ipaddr.isValid(address)) return false
  const parsed = ipaddr.process(address)
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits))
}
