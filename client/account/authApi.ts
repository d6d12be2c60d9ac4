import type { MeResponse, SetupInfo, UserInfo } from '../../shared/authApiTypes.js'
import { ApiRequestError, request } from '../api.js'

/** Who is signed in, or why nobody is (a fresh install needs its first account). */
export type AccountLookup = { signedIn: true; me: MeResponse } | { signedIn: false; setup: SetupInfo }

/** Asks the server who this browser is signed in as (and, if nobody, whether sign-up is possible). */
export async function lookUpAccount(): Promise<AccountLookup> {
  try {
    return { signedIn: true, me: await request<MeResponse>('/api/me') }
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.status !== 401) throw error
    return { signedIn: false, setup: await request<SetupInfo>('/api/auth/setup') }
  }
}

export const authApi = {
  signIn: (email: string, password: string) =>
    request<{ user: UserInfo }>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) }).then((r) => r.user),
  signUp: (body: { name: string; email: string; password: string; invitation?: string }) =>
    request<{ user: UserInfo; first: boolean }>('/api/auth/signup', { method: 'POST', body: JSON.stringify(body) }).then((r) => r.user),
  signOut: () => request<{ signedOut: true }>('/api/auth/logout', { method: 'POST', body: '{}' }),
}
