import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { SetupInfo, UserInfo } from '../../shared/authApiTypes.js'
import { authApi, lookUpAccount } from './authApi.js'

export type AccountState =
  | { kind: 'loading' }
  | { kind: 'signedIn'; user: UserInfo }
  | { kind: 'signedOut'; setup: SetupInfo }
  | { kind: 'unreachable'; message: string }

interface AccountContextValue {
  state: AccountState
  /** Asks the server again (after a sign-in elsewhere, or a websocket closed with "unauthorized"). */
  refresh: () => void
  /** Records the person the sign-in or sign-up form just signed in. */
  signedIn: (user: UserInfo) => void
  signOut: () => Promise<void>
}

const AccountContext = createContext<AccountContextValue | null>(null)

/** Knows who is signed in, for every page. */
export function AccountProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AccountState>({ kind: 'loading' })
  const refresh = useCallback(() => {
    lookUpAccount().then(
      (found) => setState(found.signedIn ? { kind: 'signedIn', user: found.me.user } : { kind: 'signedOut', setup: found.setup }),
      (error: Error) => setState({ kind: 'unreachable', message: error.message }),
    )
  }, [])
  useEffect(refresh, [refresh])
  const value = useMemo<AccountContextValue>(
    () => ({
      state,
      refresh,
      signedIn: (user) => setState({ kind: 'signedIn', user }),
      signOut: async () => {
        await authApi.signOut()
        refresh()
      },
    }),
    [state, refresh],
  )
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>
}

/** The account context (pages under AccountProvider). */
export function useAccount(): AccountContextValue {
  const value = useContext(AccountContext)
  if (!value) throw new Error('useAccount needs an AccountProvider above it.')
  return value
}
