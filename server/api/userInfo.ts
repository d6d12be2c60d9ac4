import type { UserInfo } from '../../shared/authApiTypes.js'
import { colourForUser } from '../../shared/userColour.js'

/** An account as the API shows it (never its password hash). */
export function toUserInfo(user: { id: string; email: string; name: string; isAdmin: boolean }): UserInfo {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, colour: colourForUser(user.id) }
}

export const isoTime = (ms: number): string => new Date(ms).toISOString()
export const isoTimeOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms))
