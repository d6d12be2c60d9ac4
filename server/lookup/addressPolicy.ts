import ipaddr from 'ipaddr.js'

/**
 * Which addresses a link lookup may connect to. The server fetches pages on a signed-in person's behalf, so
 * without this a pasted link could read the cloud metadata service, an admin panel on the private network,
 * or the server's own loopback ports (server-side request forgery). Only public unicast addresses pass.
 */

/** Why an address is refused; each has its own API error code (see `lookupErrors.ts`). */
export type AddressRefusal = 'loopback' | 'private' | 'link_local' | 'metadata' | 'reserved'

/** Cloud metadata services: link-local or unique-local addresses, named apart so the error says what it is. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200'])

/** Host names of metadata services, refused before any DNS look-up (they resolve differently inside clouds). */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal'])

export function isMetadataHost(hostname: string): boolean {
  return METADATA_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''))
}

/** Why `address` (an IP literal) may not be fetched from, or null when it is a public unicast address. */
export function addressRefusal(address: string, allowLoopback: boolean): AddressRefusal | null {
  if (!ipaddr.isValid(address)) return 'reserved'
  let parsed = ipaddr.parse(address)
  // "::ffff:10.0.0.1" reaches 10.0.0.1: judge the IPv4 address it carries.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'metadata'
  const range = parsed.range()
  switch (range) {
    case 'unicast':
      return null
    case 'loopback':
      // Only tests set this, to serve saved pages on 127.0.0.1; nothing else is opened by it.
      return allowLoopback ? null : 'loopback'
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return 'private'
    case 'linkLocal':
      return 'link_local'
    default:
      // unspecified (0.0.0.0, ::), broadcast, multicast, reserved, documentation, 6to4/Teredo and the like.
      return 'reserved'
  }
}
