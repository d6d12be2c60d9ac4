import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number }

/**
 * Counts events per key in a fixed window. One process keeps the counts in memory; a Redis implementation of
 * this interface (rate-limiter-flexible has one) makes the limits hold across processes.
 */
export interface RateLimiter {
  /** Counts one event; refused once the key has used up its window. */
  consume(key: string): Promise<RateVerdict>
  /** Whether the key is over its limit now, without counting anything. */
  check(key: string): Promise<RateVerdict>
  /** Forgets the key (a successful sign-in clears its account's failures). */
  reset(key: string): Promise<void>
}

/** Makes the limiters a server needs; the memory store by default. */
export type RateLimiterFactory = (options: { points: number; durationSeconds: number }) => RateLimiter

export const memoryRateLimiter: RateLimiterFactory = ({ points, durationSeconds }) => {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds })
  return {
    consume: async (key) => {
      try {
        await limiter.consume(key)
        return { allowed: true }
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterMs: refusal.msBeforeNext }
        throw refusal
      }
    },
    check: async (key) => {
      const state = await limiter.get(key)
      if (state && state.consumedPoints >= points) return { allowed: false, retryAfterMs: state.msBeforeNext }
      return { allowed: true }
    },
    reset: async (key) => {
      await limiter.delete(key)
    },
  }
}
