import { createHash, randomBytes } from 'node:crypto'

/**
 * A fresh secret for a session, token, invitation or share link: 32 random bytes (256 bits), base64url, with
 * a prefix saying what it is (so a leaked one is recognisable in logs and secret scanners).
 */
export function newSecret(prefix: 'ses' | 'cau' | 'inv' | 'lnk'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/** A short public id for a stored row (never a secret). */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}

/**
 * What the store keeps of a secret. The secrets are 256 random bits, so a plain SHA-256 is enough: there is
 * nothing to guess, and a stolen table gives no usable credential.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Whether a string could be one of our secrets (cheap check before any lookup). */
export function looksLikeSecret(value: string, prefix: string): boolean {
  return value.length === prefix.length + 1 + 43 && value.startsWith(`${prefix}_`) && /^[A-Za-z0-9_-]+$/.test(value)
}
