/** Open connections per key (an account, an address), refusing one more once `max` are open. */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>()

  constructor(private readonly max: number) {}

  /** Counts one more connection for `key`; false (and nothing counted) when `key` already has `max`. */
  tryAdd(key: string): boolean {
    const count = this.counts.get(key) ?? 0
    if (count >= this.max) return false
    this.counts.set(key, count + 1)
    return true
  }

  /** One connection of `key` closed. */
  remove(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1
    // Deleted at zero, so a map of addresses does not grow with every address ever seen.
    if (count <= 0) this.counts.delete(key)
    else this.counts.set(key, count)
  }
}
