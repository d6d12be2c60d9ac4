const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/**
 * The origins this server answers as: its public origin (`CAUCUS_ORIGIN`, or `http://HOST:PORT` once
 * listening) plus `CAUCUS_ORIGINS`. `Origin` headers (cross-site requests and websockets) and `Host` headers
 * (DNS rebinding) are checked against them.
 */
export class SiteOrigins {
  private origins: string[]
  private hosts = new Set<string>()

  constructor(
    private configured: string | null,
    private readonly extra: readonly string[] = [],
  ) {
    this.origins = []
    this.rebuild()
  }

  /** Called once listening: without a configured origin the server is `http://<address>:<port>`. */
  useListeningAddress(url: string): void {
    if (this.configured !== null) return
    const listening = new URL(url)
    const candidates = [listening.origin]
    // A server bound to a loopback address is reached as localhost too.
    if (LOOPBACK_NAMES.includes(listening.hostname)) {
      for (const name of LOOPBACK_NAMES) candidates.push(`${listening.protocol}//${name}:${listening.port}`)
    }
    this.origins = [...new Set([...candidates, ...this.extra])]
    this.configured = listening.origin
    this.indexHosts()
  }

  /** The origin links are built with (share links, invitations). */
  get primary(): string {
    return this.origins[0] ?? 'http://localhost'
  }

  /** True when the primary origin is https: cookies are then `Secure`. */
  get isHttps(): boolean {
    return this.primary.startsWith('https:')
  }

  get all(): readonly string[] {
    return this.origins
  }

  isAllowedOrigin(origin: string): boolean {
    return this.origins.includes(origin)
  }

  /** Whether a `Host` header names this server (port included, as browsers send it). */
  isAllowedHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase())
  }

  private rebuild(): void {
    this.origins = [...new Set([...(this.configured ? [this.configured] : []), ...this.extra])]
    this.indexHosts()
  }

  private indexHosts(): void {
    this.hosts = new Set()
    for (const origin of this.origins) {
      const url = new URL(origin)
      this.hosts.add(url.host.toLowerCase())
      // Browsers leave the default port out of Host; some clients write it anyway.
      if (!url.port) this.hosts.add(`${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`.toLowerCase())
    }
  }
}
