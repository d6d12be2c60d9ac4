import { hash, verify, type Algorithm } from '@node-rs/argon2'

/** `Algorithm.Argon2id`: the enum is a `const enum`, which this project's module settings cannot import. */
const ARGON2ID = 2 as Algorithm

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 50 ms on one core. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** The PHC string (`$argon2id$v=19$m=…`) to store. The password itself is never stored or logged. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | null = null

/**
 * Spends the time a real check would for an address with no account, so the answer's timing does not tell
 * whether an account exists.
 */
export async function verifyNothing(password: string): Promise<false> {
  await verifyPassword(await (dummyHash ??= hashPassword('no account has this password')), password)
  return false
}
