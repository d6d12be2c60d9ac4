/**
 * A token bucket: `capacity` tokens to start with, refilled at `perSecond`; each message takes one. It lets a
 * burst through (a reconnect sends a handful of messages at once, a paste one big one) and bounds the rate a
 * connection can keep up, without a timer.
 */
export class TokenBucket {
  private tokens: number
  private last = performance.now()

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
  ) {
    this.tokens = capacity
  }

  /** Takes one token; false when the bucket is empty (the message is over the limit). */
  take(): boolean {
    this.refill()
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** True when the bucket is as it started: forgetting it and making a new one later changes nothing. */
  get isFull(): boolean {
    this.refill()
    return this.tokens >= this.capacity
  }

  private refill(): void {
    const now = performance.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
  }
}
