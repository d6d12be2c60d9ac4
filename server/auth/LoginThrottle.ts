import type { RateLimiterFactory, RateVerdict } from '../http/RateLimiter.js'
import { emailKey } from './AccountStore.js'

/**
 * Slows password guessing: after too many failed sign-ins for one account (in 15 minutes) or from one address
 * (in an hour), further attempts are refused until the window ends, whatever the password. A successful
 * sign-in clears its account's count (not its address's: one address may be guessing at many accounts).
 */
export class LoginThrottle {
  private readonly perAccount
  private readonly perAddress

  constructor(makeLimiter: RateLimiterFactory, limits: { perAccount: number; perAddress: number }) {
    this.perAccount = makeLimiter({ points: limits.perAccount, durationSeconds: 15 * 60 })
    this.perAddress = makeLimiter({ points: limits.perAddress, durationSeconds: 60 * 60 })
  }

  async check(email: string, address: string): Promise<RateVerdict> {
    const [account, from] = await Promise.all([this.perAccount.check(emailKey(email)), this.perAddress.check(address)])
    if (!account.allowed) return account
    return from
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.consume(emailKey(email)), this.perAddress.consume(address)])
  }

  async succeeded(email: string): Promise<void> {
    await this.perAccount.reset(emailKey(email))
  }
}
