import type { UserInfo } from '../../shared/authApiTypes.js'

/** Who this person is to the others: their account's name and colour (the server stamps the same). */
export interface Identity {
  name: string
  color: string
}

/** The identity presence shows for a signed-in account. */
export function identityOf(user: UserInfo): Identity {
  return { name: user.name, color: user.colour }
}
